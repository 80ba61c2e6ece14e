package ai.smartai.backend.job;

import static ai.smartai.backend.testing.Uploads.DEMO;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ai.smartai.backend.testing.Api;
import ai.smartai.backend.testing.Uploads;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The workflow's own cost per unit, and how late SSE reports a change. Prints figures; run with
 * {@code ./mvnw verify -Pbench -pl backend/core}.
 */
@QuarkusTest
class WorkflowBench {

    @Test
    void overheadAndEventLatency() throws Exception {
        String token = Api.newTeacherToken();
        String task = Uploads.newTask(token, "bench " + UUID.randomUUID());
        Uploads.uploadAndWait(token, task, "problems", DEMO.resolve("problems.md"));
        Uploads.uploadAndWait(token, task, "answer-key", DEMO.resolve("answer-key.md"));
        String up = Uploads.upload(token, task, "submissions", "class.zip", Classes.archive(DEMO, 300, "7"
                + (System.nanoTime() % 9), UUID.randomUUID().toString())).then().statusCode(202).extract()
                .path("jobId");
        Uploads.awaitJob(token, up);

        double cold = timed(token, task, false);
        double warm = timed(token, task, true);
        int units = 300 * 8;
        System.out.printf("%nBENCH workflow: %d units; first run %.1f s (%.2f ms/unit, graders included)%n", units,
                cold,
                cold * 1000 / units);
        System.out.printf("BENCH workflow: rerun with every result cached (no grader runs) %.1f s = %.2f ms/unit of "
                + "workflow overhead, %.0f %% of the first run%n", warm, warm * 1000 / units, 100 * warm / cold);

        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String jobId = Api.as(token).body(Map.of("force", true, "scope", Map.of("problemIds", List.of("q1"))))
                    .post("/api/tasks/" + task + "/grading").then().statusCode(202).extract().path("jobId");
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/jobs/" + jobId
                    + "/events")).header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).build();
            var lines = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines()).body().iterator();
            while (lines.hasNext()) {
                String line = lines.next();
                if (!line.startsWith("data:")) {
                    continue;
                }
                Instant received = Instant.now();
                Map<?, ?> event = json.readValue(line.substring(5).strip(), Map.class);
                if ("succeeded".equals(event.get("status"))) {
                    Instant finished = Instant.parse((String) event.get("finishedAt"));
                    latencies.add(Duration.between(finished, received).toMillis());
                    break;
                }
            }
        }
        Collections.sort(latencies);
        System.out.printf("BENCH SSE latency, job finished → event received: median %d ms (all %s; woken by job "
                + "events, fallback look every %d ms)%n%n", latencies.get(latencies.size() / 2), latencies,
                ConfigProvider.getConfig().getValue("smartai.jobs.stream-recheck", Duration.class).toMillis());
    }

    static double timed(String token, String task, boolean force) {
        long t0 = System.nanoTime();
        // Every problem but the program, whose sandbox runs would measure bubblewrap rather than the workflow.
        List<String> problems = List.of("q1", "q2", "q3", "q4", "q5", "q7", "q8", "q9");
        String jobId = Api.as(token).body(Map.of("force", force, "scope", Map.of("problemIds", problems)))
                .post("/api/tasks/" + task + "/grading").then()
                .statusCode(202).extract().path("jobId");
        Uploads.awaitJob(token, jobId);
        return (System.nanoTime() - t0) / 1e9;
    }
}
