package ai.smartai.backend.testing;

import static ai.smartai.backend.testing.Uploads.DEMO;

import java.time.Duration;
import java.util.Map;

/** The demo homework uploaded and graded once per test JVM, for the tests that read a graded task. */
public final class GradedDemo {

    public record Graded(String token, String taskId) {
    }

    private static Graded graded;

    private GradedDemo() {
    }

    public static synchronized Graded get() {
        if (graded == null) {
            String token = Api.newTeacherToken();
            String task = Uploads.newTask(token, "作业三 Demo");
            Uploads.uploadAndWait(token, task, "problems", DEMO.resolve("problems.md"));
            Uploads.uploadAndWait(token, task, "answer-key", DEMO.resolve("answer-key.md"));
            Uploads.uploadAndWait(token, task, "submissions", DEMO.resolve("students.zip"));
            String job = Api.as(token).body(Map.of()).post("/api/tasks/" + task + "/grading").then().statusCode(202)
                    .extract().path("jobId");
            // Grading the whole class takes a while on a loaded 2-core machine.
            Uploads.awaitJob(token, job, Duration.ofMinutes(5));
            graded = new Graded(token, task);
        }
        return graded;
    }
}
