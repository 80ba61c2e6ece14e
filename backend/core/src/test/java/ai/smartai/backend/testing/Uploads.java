package ai.smartai.backend.testing;

import static io.restassured.RestAssured.given;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Uploads through the real multipart API and waits for the job. */
public final class Uploads {

    public static final Path DEMO = Path.of("../../samples/demo-hw");
    public static final Path REAL = Path.of("../../../shared/datasets/smartai-hw2");

    private Uploads() {
    }

    public static Response upload(String token, String taskId, String kind, Path file) {
        return given().auth().oauth2(token).multiPart("file", file.toFile()).accept(ContentType.JSON)
                .post("/api/tasks/" + taskId + "/" + kind);
    }

    public static Response upload(String token, String taskId, String kind, String fileName, byte[] bytes) {
        return given().auth().oauth2(token).multiPart("file", fileName, bytes).accept(ContentType.JSON)
                .post("/api/tasks/" + taskId + "/" + kind);
    }

    /** Uploads and waits until the job is finished; returns the finished job. */
    public static Map<String, Object> uploadAndWait(String token, String taskId, String kind, Path file) {
        String jobId = upload(token, taskId, kind, file).then().statusCode(202).extract().path("jobId");
        return awaitJob(token, jobId);
    }

    /** A hang guard, not a speed check: a loaded 2-core CI machine can take minutes for what takes seconds alone. */
    static final Duration JOB_WAIT = Duration.ofMinutes(5);

    public static Map<String, Object> awaitJob(String token, String jobId) {
        return awaitJob(token, jobId, JOB_WAIT);
    }

    public static Map<String, Object> awaitJob(String token, String jobId, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Object> job = Api.as(token).get("/api/jobs/" + jobId).then().statusCode(200).extract()
                    .jsonPath().getMap("$");
            String status = (String) job.get("status");
            if (status.equals("succeeded") || status.equals("failed") || status.equals("cancelled")) {
                return job;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("job " + jobId + " did not finish in " + patience.toSeconds() + " s");
    }

    public static String newTask(String token, String name) {
        return Api.as(token).body(Map.of("name", name)).post("/api/tasks").then().statusCode(201).extract().path("id");
    }

    /** A task with the demo homework's problem set, answer key and students' archive ingested. */
    public static String demoTask(String token, String name) {
        String task = newTask(token, name);
        uploadAndWait(token, task, "problems", DEMO.resolve("problems.md"));
        uploadAndWait(token, task, "answer-key", DEMO.resolve("answer-key.md"));
        uploadAndWait(token, task, "submissions", DEMO.resolve("students.zip"));
        return task;
    }
}
