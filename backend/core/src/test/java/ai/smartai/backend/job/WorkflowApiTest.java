package ai.smartai.backend.job;

import static ai.smartai.backend.testing.Uploads.DEMO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.smartai.backend.grading.sandbox.Sandbox;
import ai.smartai.backend.testing.Api;
import ai.smartai.backend.testing.Needs;
import ai.smartai.backend.testing.Uploads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.eclipse.microprofile.config.ConfigProvider;

/** Jobs, review, audit and analytics through the API. */
@QuarkusTest
class WorkflowApiTest {

    @Inject
    Sandbox sandbox;

    String token;
    String task;

    @BeforeEach
    void setUp() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        token = Api.newTeacherToken();
        task = Uploads.newTask(token, "Workflow");
        Uploads.uploadAndWait(token, task, "problems", DEMO.resolve("problems.md"));
        Uploads.uploadAndWait(token, task, "answer-key", DEMO.resolve("answer-key.md"));
    }

    String startGrading(Map<String, Object> body) {
        return Api.as(token).body(body).post("/api/tasks/" + task + "/grading").then().statusCode(202).extract()
                .path("jobId");
    }

    /** Sixty distinct programs, so none of their grades can come from the cache and a run takes a while. */
    void uploadSixtyPrograms() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String salt = UUID.randomUUID().toString();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < 60; i++) {
                zip.putNextEntry(new ZipEntry("20249" + String.format("%03d", i) + "_学生_hw.md"));
                zip.write(("## 6.\n```python\n# " + salt + " " + i + "\ndef is_palindrome(s):\n"
                        + "    t = s.replace(' ', '').lower()\n    return t == t[::-1]\n```\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        String jobId = Uploads.upload(token, task, "submissions", "class.zip", out.toByteArray()).then()
                .statusCode(202).extract().path("jobId");
        assertThat(Uploads.awaitJob(token, jobId).get("status")).isEqualTo("succeeded");
    }

    /** Pausing and cancelling need slow units: programs in the sandbox. */
    void needsTheSandbox() {
        Needs.bubblewrap(sandbox.isolated());
    }

    @Test
    void pausesAtAUnitBoundaryAndResumesWithTheRest() throws Exception {
        needsTheSandbox();
        uploadSixtyPrograms();
        String jobId = startGrading(Map.of("scope", Map.of("problemIds", List.of("q6"))));
        Api.as(token).post("/api/jobs/" + jobId + "/pause").then().statusCode(200).body("status", equalTo("paused"));
        Thread.sleep(1500);
        int doneWhilePaused = Api.as(token).get("/api/jobs/" + jobId).then().body("status", equalTo("paused"))
                .extract().path("done");
        Thread.sleep(1000);
        Api.as(token).get("/api/jobs/" + jobId).then().body("done", equalTo(doneWhilePaused));
        assertThat(doneWhilePaused).isLessThan(60);
        Api.as(token).post("/api/jobs/" + jobId + "/pause").then().statusCode(409);
        Api.as(token).post("/api/jobs/" + jobId + "/resume").then().statusCode(200);
        // The resumed run counts on out of the whole run, not from 0 out of what was left.
        Api.as(token).get("/api/jobs/" + jobId).then().body("total", equalTo(60));
        var job = Uploads.awaitJob(token, jobId);
        assertThat(job.get("status")).isEqualTo("succeeded");
        assertThat(job.get("total")).isEqualTo(60);
        assertThat(job.get("done")).isEqualTo(60);
        Api.as(token).get("/api/tasks/" + task + "/grades").then().body("$", hasSize(60));
        Api.as(token).post("/api/jobs/" + jobId + "/resume").then().statusCode(409).body("error",
                equalTo("job_not_paused"));
    }

    @Test
    void aCancelledRunKeepsTheGradesItFinished() throws Exception {
        needsTheSandbox();
        uploadSixtyPrograms();
        String jobId = startGrading(Map.of("scope", Map.of("problemIds", List.of("q6"))));
        Thread.sleep(800);
        Api.as(token).post("/api/jobs/" + jobId + "/cancel").then().statusCode(200).body("status",
                equalTo("cancelled"));
        Thread.sleep(2000);
        int graded = Api.as(token).get("/api/tasks/" + task + "/grades").then().extract().jsonPath().getList("$")
                .size();
        assertThat(graded).isGreaterThan(0).isLessThan(60);
        Thread.sleep(1000);
        Api.as(token).get("/api/tasks/" + task + "/grades").then().body("$", hasSize(graded));
        Api.as(token).post("/api/jobs/" + jobId + "/cancel").then().statusCode(409).body("error",
                equalTo("job_finished"));
        // The next run does only the units the cancelled one did not.
        assertThat(Uploads.awaitJob(token, startGrading(Map.of("scope", Map.of("problemIds", List.of("q6")))))
                .get("total")).isEqualTo(60 - graded);
    }

    @Test
    void streamsProgressAsServerSentEvents() throws Exception {
        Uploads.uploadAndWait(token, task, "submissions", DEMO.resolve("students.zip"));
        String jobId = startGrading(Map.of("force", true));
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/jobs/" + jobId
                + "/events")).header("Authorization", "Bearer " + token).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(60)).build();
        HttpResponse<java.util.stream.Stream<String>> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type").orElse("")).contains("text/event-stream");
        List<Map<String, Object>> events = new ArrayList<>();
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        response.body().filter(l -> l.startsWith("data:")).forEach(l -> {
            try {
                events.add(mapper.readValue(l.substring(5).strip(), Map.class));
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        });
        assertThat(events).isNotEmpty();
        assertThat(events.get(events.size() - 1).get("status")).isEqualTo("succeeded");
        assertThat(events.get(events.size() - 1).get("done")).isEqualTo(90);
        for (int i = 1; i < events.size(); i++) {
            assertThat((Integer) events.get(i).get("done"))
                    .isGreaterThanOrEqualTo((Integer) events.get(i - 1).get("done"));
        }
    }

    @Test
    void anEventStreamEndsWhenItsSessionEnds() throws Exception {
        Uploads.uploadAndWait(token, task, "submissions", DEMO.resolve("students.zip"));
        String jobId = startGrading(Map.of("force", true));
        // A paused job never finishes, so only the logout can end its stream.
        Api.as(token).post("/api/jobs/" + jobId + "/pause");
        String own = Api.login(Api.as(token).get("/api/auth/me").then().extract().path("username"), Api.PASSWORD);
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/jobs/" + jobId
                + "/events")).header("Authorization", "Bearer " + own).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(30)).build();
        var response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        var lines = response.get(10, java.util.concurrent.TimeUnit.SECONDS).body();
        var ended = java.util.concurrent.CompletableFuture.runAsync(() -> lines.forEach(l -> {
        }));
        Thread.sleep(500);
        assertThat(ended).isNotDone();
        Api.as(own).post("/api/auth/logout").then().statusCode(204);
        ended.get(5, java.util.concurrent.TimeUnit.SECONDS);
        Api.as(token).post("/api/jobs/" + jobId + "/cancel");
    }

    @Test
    @SuppressWarnings("unchecked")
    void reviewQueueAuditAndAnalyticsComeFromStoredGrades() {
        Uploads.uploadAndWait(token, task, "submissions", DEMO.resolve("students.zip"));
        Uploads.awaitJob(token, startGrading(Map.of()));

        List<Map<String, Object>> queue = Api.as(token).get("/api/tasks/" + task + "/review").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(queue).isNotEmpty().allMatch(g -> Boolean.TRUE.equals(g.get("needsReview")));
        for (int i = 1; i < queue.size(); i++) {
            assertThat(((Number) queue.get(i).get("confidence")).doubleValue())
                    .isGreaterThanOrEqualTo(((Number) queue.get(i - 1).get("confidence")).doubleValue());
        }
        var first = queue.get(0);
        Api.as(token).body(Map.of("score", 1, "comment", "checked")).put("/api/tasks/" + task + "/grades/"
                + first.get("studentId") + "/" + first.get("problemId")).then().statusCode(200);
        List<Map<String, Object>> after = Api.as(token).get("/api/tasks/" + task + "/review").then().extract()
                .jsonPath().getList("$");
        assertThat(after).hasSize(queue.size() - 1);

        List<Map<String, Object>> audit = Api.as(token).get("/api/tasks/" + task + "/audit").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(audit).anyMatch(a -> "grade.override".equals(a.get("action"))
                && ((String) a.get("target")).equals(first.get("studentId") + "/" + first.get("problemId"))
                && ((String) a.get("after")).contains("checked") && a.get("by") != null && a.get("at") != null);

        Map<String, Object> analytics = Api.as(token).get("/api/tasks/" + task + "/analytics").then().statusCode(200)
                .extract().jsonPath().getMap("$");
        assertThat(analytics.get("students")).isEqualTo(10);
        assertThat(((Number) analytics.get("maxTotal")).doubleValue()).isEqualTo(90.0);
        assertThat((List<Map<String, Object>>) analytics.get("histogram")).hasSize(10);
        assertThat(((List<Map<String, Object>>) analytics.get("histogram")).stream()
                .mapToInt(b -> (Integer) b.get("count")).sum()).isEqualTo(10);
        assertThat((List<?>) analytics.get("perProblem")).hasSize(9);
        // The mean equals the mean of the gradebook's totals.
        String csv = Api.as(token).accept("text/csv").get("/api/tasks/" + task + "/grades.csv").then().statusCode(200)
                .extract().asString();
        double sum = csv.lines().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[11])).sum();
        assertThat(((Number) analytics.get("mean")).doubleValue()).isCloseTo(sum / 10, org.assertj.core.data.Offset
                .offset(0.01));

        // The dashboard's summary agrees with the analytics and the review queue.
        Map<String, Object> summary = Api.as(token).get("/api/tasks").then().statusCode(200).extract().jsonPath()
                .getList("$", Map.class).stream().filter(t -> task.equals(t.get("id"))).findFirst().orElseThrow();
        assertThat(((Number) summary.get("meanScore")).doubleValue()).isCloseTo(sum / 10,
                org.assertj.core.data.Offset.offset(0.01));
        assertThat(((Number) summary.get("maxTotal")).doubleValue()).isEqualTo(90.0);
        assertThat(summary.get("needsReview")).isEqualTo(after.size());
    }

    @Test
    @SuppressWarnings("unchecked")
    void problemDeepDiveCountsScoresAndGroupsWrongFinalAnswers() {
        Uploads.uploadAndWait(token, task, "submissions", DEMO.resolve("students.zip"));
        Uploads.awaitJob(token, startGrading(Map.of()));
        Map<String, Object> q1 = Api.as(token).get("/api/tasks/" + task + "/analytics/problems/q1").then()
                .statusCode(200).extract().jsonPath().getMap("$");
        assertThat(((List<Map<String, Object>>) q1.get("distribution")).stream()
                .mapToInt(b -> (Integer) b.get("count")).sum()).isEqualTo(10);
        // 2023008 chose C where the key says B.
        List<Map<String, Object>> wrong = (List<Map<String, Object>>) q1.get("commonWrongAnswers");
        assertThat(wrong).anyMatch(w -> "C".equals(w.get("answer"))
                && ((List<String>) w.get("studentIds")).contains("2023008"));
        assertThat(wrong).noneMatch(w -> "B".equals(w.get("answer")));
        assertThat(((Map<String, Object>) q1.get("stats")).get("problemId")).isEqualTo("q1");
        Api.as(token).get("/api/tasks/" + task + "/analytics/problems/q99").then().statusCode(404);
        Api.as(Api.newTeacherToken()).get("/api/tasks/" + task + "/analytics/problems/q1").then().statusCode(404);
    }

    @Test
    void unknownJobsAre404() {
        Api.as(token).get("/api/jobs/nope").then().statusCode(404);
        Api.as(token).post("/api/jobs/nope/cancel").then().statusCode(404);
        Api.as(token).post("/api/jobs/nope/resume").then().statusCode(404);
        Api.as(token).get("/api/tasks/nope/analytics").then().statusCode(404);
        Api.as(token).get("/api/tasks/nope/audit").then().statusCode(404);
        Api.as(token).get("/api/tasks/nope/review").then().statusCode(404);
        Api.as(token).body(Map.of()).post("/api/tasks/" + task + "/grading").then().statusCode(409)
                .body("error", equalTo("nothing_to_grade"));
    }
}
