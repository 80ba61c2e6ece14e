package ai.smartai.backend.job;

import static ai.smartai.backend.testing.Uploads.DEMO;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ai.smartai.backend.db.Db;
import ai.smartai.backend.testing.Api;
import ai.smartai.backend.testing.Uploads;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Five classes graded at the same time: all finish, and the database holds each grade exactly once. */
@QuarkusTest
class ConcurrentTasksTest {

    /**
     * 40 students keep five jobs' units interleaved for the whole run (9,000 answers took two minutes of the suite for
     * no more coverage); {@code -Dsmartai.test.concurrent.students=200} runs the old load.
     */
    static final int STUDENTS = Integer.getInteger("smartai.test.concurrent.students", 40);

    @Inject
    Db db;

    @Test
    void fiveTasksGradedAtOnceLoseAndDuplicateNothing() throws Exception {
        String token = Api.newTeacherToken();
        List<String> tasks = new ArrayList<>();
        for (int t = 0; t < 5; t++) {
            String task = Uploads.newTask(token, "load " + t);
            Uploads.uploadAndWait(token, task, "problems", DEMO.resolve("problems.md"));
            Uploads.uploadAndWait(token, task, "answer-key", DEMO.resolve("answer-key.md"));
            String job = Uploads
                    .upload(token, task, "submissions", "class.zip", Classes.archive(DEMO, STUDENTS, "30" + t))
                    .then().statusCode(202).extract().path("jobId");
            assertThat(Uploads.awaitJob(token, job).get("status")).isEqualTo("succeeded");
            tasks.add(task);
        }
        List<String> jobs = new ArrayList<>();
        for (String task : tasks) {
            jobs.add(Api.as(token).body(Map.of()).post("/api/tasks/" + task + "/grading").then().statusCode(202)
                    .extract().path("jobId"));
        }
        for (String job : jobs) {
            var finished = awaitLong(token, job);
            assertThat(finished.get("status")).isEqualTo("succeeded");
            assertThat(finished.get("done")).isEqualTo(STUDENTS * 9);
        }
        long[] counts = QuarkusTransaction.requiringNew().call(() -> new long[] {
                db.em().createQuery("select count(g) from Grade g where g.taskId in :t", Long.class)
                        .setParameter("t", tasks).getSingleResult(),
                db.em().createQuery("select count(distinct concat(g.studentUid, '/', g.problemId)) from Grade g "
                        + "where g.taskId in :t", Long.class).setParameter("t", tasks).getSingleResult() });
        assertThat(counts[0]).isEqualTo(5 * STUDENTS * 9);
        assertThat(counts[1]).isEqualTo(5 * STUDENTS * 9);
        // Later tests (a backup of the running database among them) should not carry this load.
        for (String task : tasks) {
            Api.as(token).delete("/api/tasks/" + task).then().statusCode(204);
        }
    }

    static Map<String, Object> awaitLong(String token, String jobId) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Object> job = Api.as(token).get("/api/jobs/" + jobId).then().extract().jsonPath().getMap("$");
            if (!List.of("queued", "running").contains(job.get("status"))) {
                return job;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("job " + jobId + " did not finish in 5 minutes");
    }
}
