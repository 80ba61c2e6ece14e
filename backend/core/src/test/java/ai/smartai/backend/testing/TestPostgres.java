package ai.smartai.backend.testing;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.postgresql.ds.PGSimpleDataSource;

/** Where the PostgreSQL tests find their server. */
public final class TestPostgres {

    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private TestPostgres() {
    }

    public static String url() {
        String url = System.getenv("SMARTAI_TEST_PG_URL");
        return url == null || url.isBlank() ? DEFAULT_URL : url;
    }

    public static String user() {
        return System.getenv().getOrDefault("SMARTAI_TEST_PG_USER", "postgres");
    }

    /**
     * Connections of another replica to the test server's database (the schema of {@link PostgresProfile}): no
     * Quarkus, no pool, nothing shared with the server under test but the database.
     */
    public static PGSimpleDataSource otherReplica() {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(url());
        source.setUser(user());
        source.setCurrentSchema(PostgresProfile.SCHEMA);
        return source;
    }

    public static boolean answers() {
        URI uri = URI.create(url().substring("jdbc:".length()));
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), 1000);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    public static class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (answers()) {
                return ConditionEvaluationResult.enabled("PostgreSQL answers at " + url());
            }
            if (System.getenv("SMARTAI_TEST_PG_URL") != null) {
                // .ci/run exported the URL because it started a server: its absence is a failure, not a skip.
                throw new IllegalStateException("SMARTAI_TEST_PG_URL is set but nothing answers at " + url());
            }
            return ConditionEvaluationResult.disabled("no PostgreSQL answers at " + url());
        }
    }
}
