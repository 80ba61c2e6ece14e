package ai.smartai.backend.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.smartai.backend.grading.GradingEngine;
import ai.smartai.backend.grading.GradingRunService;
import ai.smartai.backend.ingest.archive.Archives;
import ai.smartai.backend.testing.Api;
import ai.smartai.backend.testing.Uploads;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Answers written to break the grader, from the red-team pass: none may stop grading, for this teacher or another,
 * and none may get a score it did not earn.
 */
@QuarkusTest
class HostileAnswerTest {

    static final String PROBLEMS = """
            ## 1. (5分) 下列哪种数据结构是先进先出的？

            A. 栈

            B. 队列

            C. 树

            D. 图

            ## 2. (10分) 计算 $1 + 1$。
            """;
    static final String KEY = """
            ## 1.
            答案：B

            ## 2.
            $1 + 1 = 2$

            答案：2
            """;

    @Inject
    GradingRunService grading;

    String token;

    @BeforeEach
    void setUp() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        token = Api.newTeacherToken();
    }

    String task(Map<String, String> sheets) throws Exception {
        String task = Uploads.newTask(token, "Hostile");
        upload(task, "problems", "problems.md", PROBLEMS);
        upload(task, "answer-key", "key.md", KEY);
        String job = Uploads.upload(token, task, "submissions", "class.zip", Archives.zip(sheets)).then()
                .statusCode(202).extract().path("jobId");
        assertThat(Uploads.awaitJob(token, job).get("status")).isEqualTo("succeeded");
        return task;
    }

    void upload(String task, String kind, String name, String text) {
        String job = Uploads.upload(token, task, kind, name, text.getBytes(StandardCharsets.UTF_8)).then()
                .statusCode(202).extract().path("jobId");
        assertThat(Uploads.awaitJob(token, job).get("status")).isEqualTo("succeeded");
    }

    Map<String, Object> grade(String task) {
        String job = Api.as(token).body(Map.of()).post("/api/tasks/" + task + "/grading").then().statusCode(202)
                .extract().path("jobId");
        return Uploads.awaitJob(token, job);
    }

    List<Map<String, Object>> grades(String task) {
        return Api.as(token).get("/api/tasks/" + task + "/grades").then().statusCode(200).extract().jsonPath()
                .getList("$");
    }

    static Map<String, Object> gradeOf(List<Map<String, Object>> grades, String student, String problem) {
        return grades.stream().filter(g -> g.get("studentId").equals(student) && g.get("problemId").equals(problem))
                .findFirst().orElseThrow(() -> new AssertionError("no grade for " + student + " / " + problem));
    }

    @Test
    void aLongRunOfOptionLettersCannotStopGrading() throws Exception {
        Map<String, String> sheets = new LinkedHashMap<>();
        sheets.put("2024001_甲.md", "## 1.\nA" + " A".repeat(1500) + "\n## 2.\n2\n");
        sheets.put("2024002_乙.md", "## 1.\n" + "(A)".repeat(5000) + "\n## 2.\n2\n");
        sheets.put("2024003_丙.md", "## 1.\nB\n## 2.\n2\n");
        String task = task(sheets);
        assertThat(grade(task).get("status")).isEqualTo("succeeded");
        var grades = grades(task);
        assertThat(grades).hasSize(6);
        assertThat(gradeOf(grades, "2024001", "q1").get("score")).isEqualTo(0f);
        assertThat(gradeOf(grades, "2024003", "q1").get("score")).isEqualTo(5f);
        assertThat(gradeOf(grades, "2024003", "q2").get("score")).isNotNull();

        // The workers are alive: another teacher's task grades at once.
        token = Api.newTeacherToken();
        String other = task(Map.of("2024009_丁.md", "## 1.\nB\n## 2.\n2\n"));
        assertThat(grade(other).get("status")).isEqualTo("succeeded");
        assertThat(gradeOf(grades(other), "2024009", "q1").get("score")).isEqualTo(5f);
    }

    @Test
    void aVeryLongAnswerIsGradedOnItsStartAndSentToReview() throws Exception {
        String task = task(Map.of("2024004_戊.md", "## 1.\nB\n## 2.\n" + "1+".repeat(60_000) + "1\n"));
        assertThat(grade(task).get("status")).isEqualTo("succeeded");
        @SuppressWarnings("unchecked")
        List<String> reasons = (List<String>) gradeOf(grades(task), "2024004", "q2").get("reviewReasons");
        assertThat(reasons).anyMatch(r -> r.contains("read only the first"));
    }

    @Test
    void aUnitThatFailedTwiceIsSetAsideInsteadOfTriedAgain() throws Exception {
        // A unique answer, so that no cached result stands in for grading it.
        String task = task(Map.of("2024005_己.md", "## 1.\nB\n## 2.\n$1+1=2$ <!-- " + UUID.randomUUID()
                + " -->\n"));
        // Two starts that never stored a grade: what a unit that kills the server leaves behind.
        String hash = QuarkusTransaction.requiringNew().call(() -> {
            var unit = grading.pendingUnits(task, new GradingRunService.Plan(null, List.of("q2"), false), null).get(0);
            String h = GradingEngine.inputHash(grading.snapshot(task, unit).input());
            grading.beginAttempt(task, unit, h);
            grading.beginAttempt(task, unit, h);
            return h;
        });
        assertThat(hash).isNotBlank();
        assertThat(grade(task).get("status")).isEqualTo("succeeded");
        var q2 = gradeOf(grades(task), "2024005", "q2");
        assertThat(q2.get("score")).isNull();
        assertThat(q2.get("needsReview")).isEqualTo(true);
        assertThat(q2.get("reviewReasons").toString()).contains("failed 2 times");
        assertThat(gradeOf(grades(task), "2024005", "q1").get("score")).isEqualTo(5f);
    }
}
