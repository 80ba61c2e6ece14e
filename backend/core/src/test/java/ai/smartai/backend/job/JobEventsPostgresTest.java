package ai.smartai.backend.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ai.smartai.backend.db.Ids;
import ai.smartai.backend.db.PgNotifications;
import ai.smartai.backend.testing.Api;
import ai.smartai.backend.testing.PostgresAvailable;
import ai.smartai.backend.testing.PostgresProfile;
import ai.smartai.backend.testing.TestPostgres;
import ai.smartai.backend.testing.Uploads;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A browser connected to this server (replica B) follows a job that another replica (A, here a connection of its own
 * that holds the job's lease and writes its progress as a replica does) runs: A's committed change and its
 * notification reach B's event stream.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@PostgresAvailable
class JobEventsPostgresTest {

    @Inject
    JobEvents events;

    @Test
    void progressOfAJobRunOnAnotherReplicaReachesThisReplicasListenersAndEventStream() throws Exception {
        String token = Api.newTeacherToken();
        String task = Uploads.newTask(token, "followed from another replica");
        String jobId = Ids.newId();
        try (Connection a = TestPostgres.otherReplica().getConnection()) {
            // Replica A's running job: its lease is live, so this replica never takes it.
            try (PreparedStatement insert = a.prepareStatement("INSERT INTO job (id, task_id, owner_id, kind, "
                    + "status, done, total, warnings, created_at, started_at, lease_owner, lease_until) "
                    + "SELECT ?, id, owner_id, 'GRADING', 'RUNNING', 0, 50, '[]', ?, ?, 'replica-a', ? "
                    + "FROM task WHERE id = ?")) {
                Timestamp now = Timestamp.from(Instant.now());
                insert.setString(1, jobId);
                insert.setTimestamp(2, now);
                insert.setTimestamp(3, now);
                insert.setTimestamp(4, Timestamp.from(Instant.now().plus(Duration.ofMinutes(10))));
                insert.setString(5, task);
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
            BlockingQueue<String> heard = new LinkedBlockingQueue<>();
            int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/jobs/" + jobId
                    + "/events")).header("Authorization", "Bearer " + token).header("Accept", "text/event-stream")
                    .timeout(Duration.ofSeconds(60)).build();
            HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofLines());
            Iterator<String> data = response.body().filter(l -> l.startsWith("data:")).iterator();
            assertThat(data.next()).contains("\"done\":0");

            try (JobEvents.Subscription s = events.subscribe(jobId, () -> heard.add(jobId))) {
                a.setAutoCommit(false);
                progress(a, jobId, 20);
                PgNotifications.send(a, JobEvents.CHANNEL, jobId);
                a.commit();
                assertThat(heard.poll(10, TimeUnit.SECONDS)).as("A's notification, heard on B").isEqualTo(jobId);
            }
            assertThat(next(data)).contains("\"done\":20");

            a.setAutoCommit(true);
            try (PreparedStatement finish = a.prepareStatement("UPDATE job SET status = 'SUCCEEDED', done = total, "
                    + "finished_at = ?, lease_owner = NULL, lease_until = NULL WHERE id = ?")) {
                finish.setTimestamp(1, Timestamp.from(Instant.now()));
                finish.setString(2, jobId);
                finish.executeUpdate();
            }
            PgNotifications.send(a, JobEvents.CHANNEL, jobId);
            assertThat(next(data)).contains("\"status\":\"succeeded\"").contains("\"done\":50");
            assertThat(CompletableFuture.supplyAsync(data::hasNext).get(10, TimeUnit.SECONDS))
                    .as("a finished job's stream ends").isFalse();
        }
    }

    private static void progress(Connection a, String jobId, int done) throws Exception {
        try (PreparedStatement s = a.prepareStatement("UPDATE job SET done = ? WHERE id = ?")) {
            s.setInt(1, done);
            s.setString(2, jobId);
            s.executeUpdate();
        }
    }

    /** The next event, or a failure when none comes: a hang guard, not a speed check. */
    private static String next(Iterator<String> data) throws Exception {
        return CompletableFuture.supplyAsync(data::next).get(30, TimeUnit.SECONDS);
    }
}
