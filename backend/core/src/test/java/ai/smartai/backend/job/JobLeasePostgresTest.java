package ai.smartai.backend.job;

import java.util.HashMap;
import java.util.Map;

import ai.smartai.backend.testing.PostgresAvailable;
import ai.smartai.backend.testing.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The replica tests again on PostgreSQL, where several replicas really share one database. */
@QuarkusTest
@TestProfile(JobLeasePostgresTest.ShortLeasesOnPostgres.class)
@PostgresAvailable
class JobLeasePostgresTest extends JobLeaseTest {

    public static class ShortLeasesOnPostgres extends PostgresProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> all = new HashMap<>(super.getConfigOverrides());
            all.putAll(leases());
            return all;
        }
    }
}
