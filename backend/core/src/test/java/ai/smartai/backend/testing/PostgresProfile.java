package ai.smartai.backend.testing;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The same backend on PostgreSQL, in a schema of its own that is wiped at start. */
public class PostgresProfile implements QuarkusTestProfile {

    /** One schema per test JVM ("_" and surefire's fork number), so two forks never wipe each other's tables. */
    public static final String SCHEMA = "smartai_test" + System.getProperty("test-fork", "");

    @Override
    public Map<String, String> getConfigOverrides() {
        String url = TestPostgres.url();
        String sep = url.contains("?") ? "&" : "?";
        return Map.of(
                "smartai.db.url", url + sep + "currentSchema=" + SCHEMA,
                "smartai.db.user", TestPostgres.user(),
                "quarkus.flyway.pg.schemas", SCHEMA,
                "quarkus.flyway.pg.clean-disabled", "false",
                "quarkus.flyway.pg.clean-at-start", "true");
    }
}
