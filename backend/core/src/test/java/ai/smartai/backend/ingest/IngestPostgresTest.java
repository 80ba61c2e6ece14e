package ai.smartai.backend.ingest;

import ai.smartai.backend.testing.PostgresAvailable;
import ai.smartai.backend.testing.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The ingest tests again, on PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@PostgresAvailable
class IngestPostgresTest extends IngestApiTest {
}
