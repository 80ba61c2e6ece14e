package ai.smartai.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * Two backend processes on one PostgreSQL, the in-process queue: a job started on replica A runs there, and a browser
 * whose event stream is on replica B follows it to the end. B's stream re-reads the job only every 10 minutes here,
 * so every change it passes on reached it as A's notification (LISTEN/NOTIFY), not through a look of its own.
 * Skipped without PostgreSQL on 127.0.0.1.
 */
class ReplicaEventsIT {

    static final int STUDENTS = 6;
    static final int ANSWERS = STUDENTS * 3;

    @Test
    void aStreamOnReplicaBFollowsAJobRunOnReplicaAToItsEnd() throws Exception {
        try (BrokerReplicas cluster = new BrokerReplicas("smartai_events_it", "local")
                .with("SMARTAI_JOBS_STREAM_RECHECK", "10m")) {
            cluster.start(2);
            AppProcess a = cluster.replicas.get(0);
            AppProcess b = cluster.replicas.get(1);
            String task = cluster.task(STUDENTS);
            String jobId = cluster.grade(a, task, BrokerReplicasIT.SCOPE);

            HttpRequest request = HttpRequest.newBuilder(b.uri("/api/jobs/" + jobId + "/events"))
                    .header("Authorization", "Bearer " + cluster.token).header("Accept", "text/event-stream").build();
            HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            CompletableFuture<List<Map<String, Object>>> stream = CompletableFuture.supplyAsync(
                    () -> response.body().filter(l -> l.startsWith("data:")).map(ReplicaEventsIT::event).toList());
            // A hang guard, not a speed check: without A's notifications B's stream would sit silent for 10 minutes.
            List<Map<String, Object>> events = stream.get(4, TimeUnit.MINUTES);

            List<Integer> done = events.stream().map(e -> (Integer) e.get("done")).toList();
            assertThat(done).as("progress never goes back: %s", events).isSorted();
            assertThat(events.stream().filter(e -> "running".equals(e.get("status")))
                    .filter(e -> (Integer) e.get("done") > 0 && (Integer) e.get("done") < ANSWERS).count())
                    .as("progress events from A while it ran: %s", events).isGreaterThanOrEqualTo(2);
            Map<String, Object> last = events.get(events.size() - 1);
            assertThat(last.get("status")).as("the stream ends with the job's end: %s", events).isEqualTo("succeeded");
            assertThat(last.get("done")).isEqualTo(ANSWERS);
            assertThat(last.get("total")).isEqualTo(ANSWERS);

            assertThat(BrokerReplicas.stored(a)).as("A graded the job").isEqualTo(ANSWERS);
            assertThat(BrokerReplicas.stored(b)).as("B only watched").isZero();
            System.out.printf("%nReplica B's stream for a job on A: %d events, done %s%n%n", events.size(), done);
        }
    }

    private static Map<String, Object> event(String line) {
        try {
            return CrashResumeIT.JSON.readValue(line.substring(5).strip(), new TypeReference<>() {
            });
        } catch (Exception e) {
            throw new IllegalStateException(line, e);
        }
    }
}
