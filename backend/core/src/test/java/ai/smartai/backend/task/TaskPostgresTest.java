package ai.smartai.backend.task;

import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ai.smartai.backend.db.Db;
import ai.smartai.backend.testing.PostgresAvailable;
import ai.smartai.backend.testing.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The task tests again, on PostgreSQL, with the same migrations. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@PostgresAvailable
class TaskPostgresTest extends TaskApiTest {

    @Inject
    Db db;

    @Test
    void reallyRunsOnPostgres() {
        org.assertj.core.api.Assertions.assertThat(db.isPostgres()).isTrue();
        String product = db.em().createNativeQuery("select version()").getSingleResult().toString();
        org.assertj.core.api.Assertions.assertThat(product).startsWith("PostgreSQL");
        ai.smartai.backend.testing.Api.as(token).body(Map.of("name", "pg")).post("/api/tasks").then().statusCode(201)
                .body("name", equalTo("pg"));
    }
}
