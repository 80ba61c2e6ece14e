package ai.smartai.backend.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import ai.smartai.backend.testing.PostgresAvailable;
import ai.smartai.backend.testing.TestPostgres;

/** LISTEN/NOTIFY between processes that share nothing but the database: each listener stands for one replica. */
@PostgresAvailable
class PgNotificationsTest {

    static final String CHANNEL = "smartai_test_" + Long.toHexString(System.nanoTime());

    @Test
    void aCommittedNotificationReachesEveryListenerAndARolledBackOneNone() throws Exception {
        BlockingQueue<String> replicaA = new LinkedBlockingQueue<>();
        BlockingQueue<String> replicaB = new LinkedBlockingQueue<>();
        String url = TestPostgres.url();
        String user = TestPostgres.user();
        try (PgNotifications a = PgNotifications.listen(url, user, null, CHANNEL, replicaA::add);
                PgNotifications b = PgNotifications.listen(url, user, null, CHANNEL, replicaB::add);
                Connection other = DriverManager.getConnection(url, user, null)) {
            other.setAutoCommit(false);
            PgNotifications.send(other, CHANNEL, "rolled-back");
            other.rollback();
            PgNotifications.send(other, CHANNEL, "job-1");
            assertThat(replicaB.poll(300, TimeUnit.MILLISECONDS)).as("nothing before the commit").isNull();
            other.commit();

            assertThat(replicaA.poll(10, TimeUnit.SECONDS)).isEqualTo("job-1");
            assertThat(replicaB.poll(10, TimeUnit.SECONDS)).isEqualTo("job-1");
            assertThat(replicaA).isEmpty();
            assertThat(replicaB).isEmpty();
        }
    }
}
