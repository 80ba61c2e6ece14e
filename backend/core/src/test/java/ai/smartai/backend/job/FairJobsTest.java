package ai.smartai.backend.job;

import static ai.smartai.backend.testing.Uploads.DEMO;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.smartai.backend.testing.Api;
import ai.smartai.backend.testing.Uploads;
import io.quarkus.test.junit.QuarkusTest;

/**
 * One teacher's load cannot hold up another's upload: uploads have pools of their own, fair between teachers, and a
 * grading run holds no job thread while its units wait.
 */
@QuarkusTest
class FairJobsTest {

    @Test
    void aBusyTeachersUploadsAndGradingDoNotDelayAnotherTeachersUpload() throws Exception {
        String busy = Api.newTeacherToken();
        String busyTask = Uploads.newTask(busy, "big class");
        Uploads.uploadAndWait(busy, busyTask, "problems", DEMO.resolve("problems.md"));
        Uploads.uploadAndWait(busy, busyTask, "answer-key", DEMO.resolve("answer-key.md"));
        Uploads.uploadAndWait(busy, busyTask, "submissions", DEMO.resolve("students.zip"));
        // The busy teacher grades and queues three big uploads, each its own class of 1,500 students: enough that
        // they are still being read when the other teacher's upload comes, even on a fast machine.
        Api.as(busy).body(Map.of("force", true)).post("/api/tasks/" + busyTask + "/grading").then().statusCode(202);
        List<String> tasks = new ArrayList<>();
        List<byte[]> archives = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String task = Uploads.newTask(busy, "big " + i);
            Uploads.uploadAndWait(busy, task, "problems", DEMO.resolve("problems.md"));
            tasks.add(task);
            archives.add(Classes.archive(DEMO, 1500, "7" + i, "s" + i));
        }
        List<String> big = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            big.add(Uploads.upload(busy, tasks.get(i), "submissions", "class.zip", archives.get(i)).then()
                    .statusCode(202).extract().path("jobId"));
        }
        String other = Api.newTeacherToken();
        String task = Uploads.newTask(other, "small class");
        long t0 = System.nanoTime();
        String job = Uploads.upload(other, task, "problems", "problems.md", "## 1. (5分) 1+1=?\n"
                .getBytes(StandardCharsets.UTF_8)).then().statusCode(202).extract().path("jobId");
        Map<String, Object> small = Uploads.awaitJob(other, job);
        assertThat(small.get("status")).isEqualTo("succeeded");
        Duration waited = Duration.ofNanos(System.nanoTime() - t0);
        assertThat(waited).isLessThan(Duration.ofSeconds(5));
        // The small upload did not queue behind the big ones: it was done before the busy teacher's last one.
        Map<String, Object> lastBig = Uploads.awaitJob(busy, big.get(2));
        assertThat(Instant.parse((String) small.get("finishedAt")))
                .as("the small upload finished before the busy teacher's last one")
                .isBefore(Instant.parse((String) lastBig.get("finishedAt")));
        for (String b : big) {
            Uploads.awaitJob(busy, b);
        }
        // 4,500 students would stay in the database for every later test (a backup of it took over 30 s).
        for (String t : tasks) {
            Api.as(busy).delete("/api/tasks/" + t).then().statusCode(204);
        }
    }
}
