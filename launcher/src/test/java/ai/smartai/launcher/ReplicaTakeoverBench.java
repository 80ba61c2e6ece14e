package ai.smartai.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * Two backend replicas (backend/app jars) on one PostgreSQL database with the default lease settings: kill -9 the
 * replica running a grading job and measure how long the other takes to continue it. Needs PostgreSQL on
 * 127.0.0.1:5432 (database {@code test}, trust). {@code ./mvnw verify -Pbench -pl backend/app,launcher -am
 * -Dtest=ReplicaTakeoverBench -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ReplicaTakeoverBench {

    static final String SCHEMA = "smartai_bench";

    @Test
    void aKilledReplicasGradingJobIsContinuedByTheOther() throws Exception {
        Assumptions.assumeTrue(postgresAnswers(), "no PostgreSQL on 127.0.0.1:5432");
        Path data = Files.createTempDirectory("smartai-replicas-");
        Map<String, String> env = new HashMap<>(Map.of(
                "SMARTAI_DATA_DIR", data.toString(),
                "SMARTAI_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + SCHEMA,
                "SMARTAI_DB_USER", "postgres",
                // Replicas on PostgreSQL share one master key (the backend app refuses to start without one).
                "SMARTAI_MASTER_KEY", "c21hcnRhaS1iZW5jaC1tYXN0ZXIta2V5LTMyLWJ5dGU=",
                "QUARKUS_FLYWAY_PG_SCHEMAS", SCHEMA));
        Map<String, String> first = new HashMap<>(env);
        first.put("QUARKUS_FLYWAY_PG_CLEAN_DISABLED", "false");
        first.put("QUARKUS_FLYWAY_PG_CLEAN_AT_START", "true");
        first.put("SMARTAI_JOBS_REPLICA_ID", "replica-a");
        env.put("SMARTAI_JOBS_REPLICA_ID", "replica-b");
        Path demo = AppProcess.repoRoot().resolve("samples/demo-hw");
        try (AppProcess a = AppProcess.start("backend/app", first, List.of())) {
            a.awaitReady(Duration.ofSeconds(180));
            try (AppProcess b = AppProcess.start("backend/app", env, List.of())) {
                b.awaitReady(Duration.ofSeconds(180));
                Http.postJson(a.uri("/api/auth/register"),
                        "{\"username\":\"crash\",\"password\":\"crash-password-1\"}");
                String token = CrashResumeIT.login(a);
                String task = Http.field(Http.postJson(a.uri("/api/tasks"), "{\"name\":\"replicas\"}", "Authorization",
                        "Bearer " + token).body(), "id");
                CrashResumeIT.upload(a, token, task, "problems", "problems.md",
                        Files.readAllBytes(demo.resolve("problems.md")));
                CrashResumeIT.upload(a, token, task, "answer-key", "answer-key.md",
                        Files.readAllBytes(demo.resolve("answer-key.md")));
                CrashResumeIT.upload(a, token, task, "submissions", "class.zip", CrashResumeIT.classArchive(demo));
                String jobId = Http.field(Http.postJson(a.uri("/api/tasks/" + task + "/grading"), "{}",
                        "Authorization", "Bearer " + token).body(), "jobId");
                Map<String, Object> job = await(b, token, jobId, j -> (Integer) j.get("done") >= 100, 300);
                assertThat((Integer) job.get("done")).as("still running when killed")
                        .isLessThan((Integer) job.get("total"));

                a.kill();
                long killed = System.nanoTime();
                int doneAtKill = (Integer) get(b, token, jobId).get("done");
                await(b, token, jobId, j -> (Integer) j.get("done") != doneAtKill, 120);
                Duration takeover = Duration.ofNanos(System.nanoTime() - killed);
                Map<String, Object> finished = await(b, token, jobId, j -> "succeeded".equals(j.get("status")), 600);
                Duration rest = Duration.ofNanos(System.nanoTime() - killed).minus(takeover);
                List<Map<String, Object>> grades = CrashResumeIT.grades(b, token, task);
                assertThat(grades).hasSize(CrashResumeIT.STUDENTS * 9);
                assertThat(finished.get("total")).isEqualTo(CrashResumeIT.STUDENTS * 9);
                System.out.printf("%nReplica takeover (lease 25 s, heartbeat 5 s): killed at %d/%d, the other replica "
                        + "continued after %.1f s and finished the remaining %d answers in %.1f s%n%n", doneAtKill,
                        CrashResumeIT.STUDENTS * 9, takeover.toMillis() / 1000.0,
                        CrashResumeIT.STUDENTS * 9 - doneAtKill, rest.toMillis() / 1000.0);
                assertThat(takeover).isLessThan(Duration.ofSeconds(60));
            }
        }
    }

    private static Map<String, Object> get(AppProcess app, String token, String jobId) throws Exception {
        return CrashResumeIT.get(app, token, "/api/jobs/" + jobId, new TypeReference<>() {
        });
    }

    private static Map<String, Object> await(AppProcess app, String token, String jobId,
            Predicate<Map<String, Object>> until, int seconds) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (true) {
            Map<String, Object> job = get(app, token, jobId);
            if (until.test(job)) {
                return job;
            }
            assertThat(System.nanoTime()).as("job %s: %s\n%s", jobId, job, app.tail()).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static boolean postgresAnswers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5432), 1000);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
