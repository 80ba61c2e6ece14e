package ai.smartai.backend.grading;

import static ai.smartai.backend.testing.Uploads.DEMO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.smartai.backend.testing.Api;
import ai.smartai.backend.testing.Uploads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The demo homework graded through the API, offline. */
@QuarkusTest
class GradingApiTest {

    String token;
    String task;

    @BeforeEach
    void setUp() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        token = Api.newTeacherToken();
        task = Uploads.newTask(token, "Demo grading");
        Uploads.uploadAndWait(token, task, "problems", DEMO.resolve("problems.md"));
        Uploads.uploadAndWait(token, task, "answer-key", DEMO.resolve("answer-key.md"));
        Uploads.uploadAndWait(token, task, "submissions", DEMO.resolve("students.zip"));
    }

    Map<String, Object> gradeAll(boolean force) {
        String jobId = Api.as(token).body(Map.of("force", force)).post("/api/tasks/" + task + "/grading").then()
                .statusCode(202).extract().path("jobId");
        return Uploads.awaitJob(token, jobId);
    }

    List<Map<String, Object>> grades() {
        return Api.as(token).get("/api/tasks/" + task + "/grades").then().statusCode(200).extract().jsonPath()
                .getList("$");
    }

    static Map<String, Object> grade(List<Map<String, Object>> grades, String student, String problem) {
        return grades.stream().filter(g -> g.get("studentId").equals(student) && g.get("problemId").equals(problem))
                .findFirst().orElseThrow(() -> new AssertionError("no grade " + student + "/" + problem));
    }

    @Test
    @SuppressWarnings("unchecked")
    void gradesTheDemoHomeworkWithEvidence() {
        var job = gradeAll(false);
        assertThat(job.get("status")).isEqualTo("succeeded");
        assertThat(job.get("done")).isEqualTo(90);
        var grades = grades();
        assertThat(grades).hasSize(90);
        assertThat(grades).allSatisfy(g -> assertThat((List<?>) g.get("evidence")).isNotEmpty());

        // Choice by the key, with the documented partial rule.
        assertThat(grade(grades, "2023001", "q1").get("score")).isEqualTo(5.0f);
        assertThat(grade(grades, "2023008", "q1").get("score")).isEqualTo(0.0f);
        assertThat(grade(grades, "2023003", "q2").get("score")).isEqualTo(3.0f);
        assertThat(grade(grades, "2023004", "q2").get("score")).isEqualTo(0.0f);
        assertThat(grade(grades, "2023006", "q1").get("method")).isEqualTo("choice");
        // A blank answer is 0, but no tool can tell a blank from an answer read into another problem: review.
        var blank = grade(grades, "2023008", "q3");
        assertThat(blank.get("score")).isEqualTo(0.0f);
        assertThat((Float) blank.get("confidence")).isLessThanOrEqualTo(0.5f);
        assertThat((List<String>) blank.get("reviewReasons")).contains(GradingEngine.BLANK.english());
        // CAS: an equivalent final answer; and a wrong one.
        assertThat(grade(grades, "2023005", "q9").get("method")).isEqualTo("cas");
        assertThat((Float) grade(grades, "2023005", "q9").get("score")).isEqualTo(9.0f);
        assertThat((Float) grade(grades, "2023003", "q3").get("score")).isLessThan(10.0f);
        // Programs by their tests.
        assertThat(grade(grades, "2023001", "q6").get("score")).isEqualTo(15.0f);
        assertThat(grade(grades, "2023001", "q6").get("method")).isEqualTo("sandbox");
        assertThat((Float) grade(grades, "2023003", "q6").get("score")).isLessThan(15.0f);
        // The complete TCP answer earns (nearly) all key points; the one-line answer few.
        assertThat((Float) grade(grades, "2023001", "q7").get("score")).isGreaterThanOrEqualTo(9.0f);
        assertThat((Float) grade(grades, "2023008", "q7").get("score")).isLessThan(5.0f);
        // An English answer to a Chinese problem is not judged confidently across languages.
        assertThat((List<String>) grade(grades, "2023005", "q7").get("reviewReasons"))
                .anyMatch(r -> r.contains("across languages"));
        // Text aimed at the grader goes to review.
        var injected = grade(grades, "2023006", "q7");
        assertThat(injected.get("needsReview")).isEqualTo(true);
        assertThat((List<String>) injected.get("reviewReasons")).anyMatch(r -> r.contains("aimed at the grader"));
        // Copying is flagged with the other student's id.
        assertThat((List<String>) grade(grades, "2023007", "q6").get("reviewReasons"))
                .anyMatch(r -> r.contains("2023001"));
        // No invented numbers: a "none" grade has no score.
        assertThat(grades).filteredOn(g -> "none".equals(g.get("method")))
                .allSatisfy(g -> assertThat(g.get("score")).isNull());
    }

    @Test
    void regradingWithoutForceOnlyRedoesWhatAnEditMadeStale() {
        gradeAll(false);
        assertThat(gradeAll(false).get("total")).isEqualTo(0);
        Api.as(token).body(Map.of("text", "x = 2 或 x = 3")).put("/api/tasks/" + task
                + "/students/2023003/answers/q4").then().statusCode(200);
        assertThat(grade(grades(), "2023003", "q4").get("stale")).isEqualTo(true);
        var job = gradeAll(false);
        assertThat(job.get("total")).isEqualTo(1);
        assertThat(grade(grades(), "2023003", "q4").get("stale")).isEqualTo(false);
        Api.as(token).body(Map.of("maxScore", 20)).put("/api/tasks/" + task + "/problems/q7").then().statusCode(200);
        assertThat(gradeAll(false).get("total")).isEqualTo(10);
        assertThat(gradeAll(true).get("total")).isEqualTo(90);
    }

    @Test
    void anOverrideSitsBesideTheMachineGradeAndCountsInTheGradebook() {
        gradeAll(false);
        Object machine = grade(grades(), "2023008", "q1").get("score");
        Api.as(token).body(Map.of("score", 4, "comment", "B was defensible here")).put("/api/tasks/" + task
                + "/grades/2023008/q1").then().statusCode(200)
                .body("override.score", equalTo(4.0f)).body("override.by", containsString("t-"))
                .body("score", equalTo(machine));
        Api.as(token).body(Map.of("score", 99)).put("/api/tasks/" + task + "/grades/2023008/q1").then().statusCode(400);
        byte[] csv = Api.as(token).accept("text/csv").get("/api/tasks/" + task + "/grades.csv").then().statusCode(200)
                .extract().asByteArray();
        assertThat(csv[0] & 0xFF).isEqualTo(0xEF);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).contains("student_id,student_name,q1,q2,q3,q4,q5,q6,q7,q8,q9,total,max_total,needs_review");
        String row = text.lines().filter(l -> l.startsWith("2023008,")).findFirst().orElseThrow();
        assertThat(row).startsWith("2023008,孙强,4,");
        assertThat(text).contains("2023004,刘洋,");
    }

    @Test
    void gradingTwiceAtOnceIs409() {
        String first = Api.as(token).body(Map.of()).post("/api/tasks/" + task + "/grading").then().statusCode(202)
                .extract().path("jobId");
        var second = Api.as(token).body(Map.of()).post("/api/tasks/" + task + "/grading");
        if (second.statusCode() == 409) {
            second.then().body("error", equalTo("grading_running")).body("message", containsString(first));
        } else {
            // The first run had already finished (results can come from the cache): then a new run is fine.
            assertThat(second.statusCode()).isEqualTo(202);
            assertThat(Api.as(token).get("/api/jobs/" + first).then().extract().<String>path("status"))
                    .isEqualTo("succeeded");
        }
        Uploads.awaitJob(token, first);
    }
}
