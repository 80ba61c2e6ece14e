package ai.smartai.backend.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import ai.smartai.backend.testing.PostgresAvailable;
import ai.smartai.backend.testing.TestPostgres;

/**
 * How long a job change takes from one replica's commit to another replica's listener (what wakes an event stream
 * there), against the 2 s safety-net look and the 100 ms poll it replaced.
 * {@code ./mvnw verify -Pbench -pl backend/core -am -Dtest=PgNotificationsBench
 * -Dsurefire.failIfNoSpecifiedTests=false}
 */
@PostgresAvailable
class PgNotificationsBench {

    @Test
    void commitToListenerLatency() throws Exception {
        String channel = "smartai_bench_" + Long.toHexString(System.nanoTime());
        BlockingQueue<Long> heard = new LinkedBlockingQueue<>();
        List<Long> micros = new ArrayList<>();
        try (PgNotifications listener = PgNotifications.listen(TestPostgres.url(), TestPostgres.user(), null, channel,
                p -> heard.add(System.nanoTime()));
                Connection replica = DriverManager.getConnection(TestPostgres.url(), TestPostgres.user(), null)) {
            replica.setAutoCommit(false);
            for (int i = 0; i < 220; i++) {
                PgNotifications.send(replica, channel, "job-" + i);
                long sent = System.nanoTime();
                replica.commit();
                Long received = heard.poll(10, TimeUnit.SECONDS);
                if (received == null) {
                    throw new AssertionError("notification " + i + " never arrived");
                }
                if (i >= 20) {
                    micros.add((received - sent) / 1_000);
                }
            }
        }
        Collections.sort(micros);
        System.out.printf("BENCH LISTEN/NOTIFY, commit on one connection → listener of another: median %.1f ms, "
                + "p95 %.1f ms, max %.1f ms over %d notifications%n%n", micros.get(micros.size() / 2) / 1000.0,
                micros.get(micros.size() * 95 / 100) / 1000.0, micros.get(micros.size() - 1) / 1000.0, micros.size());
    }
}
