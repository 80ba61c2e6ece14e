package ai.smartai.backend.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.smartai.backend.testing.Api;
import ai.smartai.backend.testing.Uploads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * A homework written the ways teachers write it, through the real HTTP API: section titles between problems, options
 * on one line, a key with answer lines, a rubric table, points stated only in the key and policies; students who
 * number "Answer 1.", who misnumber, and who do not number at all.
 */
@QuarkusTest
class DocumentsAsTeachersWriteThemTest {

    static final String PROBLEMS = """
            # Homework 4

            ## Multiple choice

            1. Which is the determinant of $\\begin{pmatrix}1&2\\\\2&4\\end{pmatrix}$? (4 points)
            A. 0　　B. 2　　C. 4　　D. −2

            2. The complexity of binary search is
            (A) O(1)　　(B) O(log n)　　(C) O(n)　　(D) O(n^2)

            ## Part B

            3. $\\int_0^1 x\\arctan x\\,dx$.

            4. Solve $x^2 - 5x + 6 = 0$.
            """;

    static final String KEY = """
            # Answer key

            Scores are given in steps of 0.5 points.

            1. **Answer: A**

            2. Answer: B

            3. (10 points)
            Answer: $\\frac{\\pi}{4} - \\frac{1}{2}$

            4. Answer: $x=2$ and $x=3$
            Note: either order is fine.

            | Item | Points | Notes |
            |---|---|---|
            | factorisation | 4 | (x-2)(x-3) |
            | both roots | 4 | |
            | Total | 8 | |
            """;

    String token;
    String task;

    @BeforeEach
    void setUp() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        token = Api.newTeacherToken();
        task = Uploads.newTask(token, "Written as teachers write");
        String job = Uploads.upload(token, task, "problems", "hw4.md", PROBLEMS.getBytes(StandardCharsets.UTF_8))
                .then().statusCode(202).extract().path("jobId");
        assertThat(Uploads.awaitJob(token, job).get("status")).isEqualTo("succeeded");
    }

    @Test
    @SuppressWarnings("unchecked")
    void problemsAndKeyAreReadAsWritten() {
        uploadKey();
        List<Map<String, Object>> problems = Api.as(token).get("/api/tasks/" + task + "/problems").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertThat(problems).extracting(p -> p.get("type")).containsExactly("choice", "choice", "calculation",
                "calculation");
        assertThat(problems.get(0).get("choices")).isEqualTo(List.of("A", "B", "C", "D"));
        assertThat(problems.get(1).get("choices")).isEqualTo(List.of("A", "B", "C", "D"));
        assertThat(problems.get(0).get("correctChoices")).isEqualTo(List.of("A"));
        assertThat(problems.get(1).get("stem").toString()).doesNotContain("Part B");
        assertThat(problems.get(0).get("stem").toString()).doesNotContain("Multiple choice");
        // Points stated only in the key count.
        assertThat(((Number) problems.get(2).get("maxScore")).doubleValue()).isEqualTo(10.0);
        Map<String, Object> q4 = problems.get(3);
        assertThat((List<Map<String, Object>>) q4.get("rubric")).extracting(r -> r.get("points"))
                .containsExactly(4.0f, 4.0f);
        assertThat(q4.get("referenceAnswer").toString()).contains("$x=2$").doesNotContain("|").doesNotContain("Note");
        assertThat((List<Map<String, Object>>) q4.get("policies")).extracting(p -> p.get("kind"))
                .containsExactly("granularity");
    }

    @Test
    @SuppressWarnings("unchecked")
    void problemsWithoutAFoundAnswerGetNoScoreAndAReviewReasonWithTheUnmatchedText() throws Exception {
        uploadKey();
        Map<String, String> sheets = new LinkedHashMap<>();
        sheets.put("2024001_Li_Lei.md",
                "Answer 1. A\n\nAnswer 2. B\n\nAnswer 3. $\\pi/4 - 1/2$\n\nAnswer 4. x = 2, x = 3\n");
        sheets.put("2024002_Han_Mei.md", "Q1: A\nQ2: B\nQ7: x = 2 and x = 3, by factorising\n");
        sheets.put("2024003_Wang_Fang.md",
                "Name: Wang Fang  ID: 2024003\n\nA\n\nB\n\n$\\pi/4 - 1/2$\n\nx = 2, x = 3\n");
        sheets.put("2024004_Zhao_Lei.md", "Q1: A\nQ2: C\n");
        String job = Uploads.upload(token, task, "submissions", "class.zip", IngestApiTest.zip(sheets)).then()
                .statusCode(202).extract().path("jobId");
        assertThat(Uploads.awaitJob(token, job).get("status")).isEqualTo("succeeded");

        List<Map<String, Object>> students = Api.as(token).get("/api/tasks/" + task + "/students").then()
                .statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> li = IngestApiTest.byId(students, "2024001");
        assertThat((List<String>) li.get("flags")).doesNotContain("unsegmented", "unmatched-text");
        assertThat(IngestApiTest.answer(li, "q4").get("text")).isEqualTo("x = 2, x = 3");
        Map<String, Object> wang = IngestApiTest.byId(students, "2024003");
        assertThat(IngestApiTest.answer(wang, "q2").get("text")).isEqualTo("B");
        assertThat(IngestApiTest.answer(wang, "q4").get("text")).isEqualTo("x = 2, x = 3");
        Map<String, Object> han = IngestApiTest.byId(students, "2024002");
        assertThat(IngestApiTest.answer(han, "q4").get("flags")).isEqualTo(List.of("not-found"));
        assertThat(han.get("unmatchedText").toString()).contains("by factorising");

        String grading = Api.as(token).body(Map.of()).post("/api/tasks/" + task + "/grading").then().statusCode(202)
                .extract().path("jobId");
        assertThat(Uploads.awaitJob(token, grading, Duration.ofMinutes(5)).get("status")).isEqualTo("succeeded");
        List<Map<String, Object>> grades = Api.as(token).get("/api/tasks/" + task + "/grades").then()
                .statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> hanQ3 = grade(grades, "2024002", "q3");
        assertThat(hanQ3.get("score")).isNull();
        assertThat(hanQ3.get("needsReview")).isEqualTo(true);
        assertThat((List<String>) hanQ3.get("reviewReasons")).anyMatch(r -> r.contains("no answer to this problem"));
        assertThat((List<Map<String, Object>>) hanQ3.get("evidence"))
                .anyMatch(e -> "unmatched-text".equals(e.get("kind"))
                        && e.get("detail").toString().contains("by factorising"));
        // A sheet that holds nothing more: its missing answers are true blanks.
        Map<String, Object> zhaoQ3 = grade(grades, "2024004", "q3");
        assertThat(((Number) zhaoQ3.get("score")).doubleValue()).isZero();
        // Choices on one line are graded by their letters.
        assertThat(((Number) grade(grades, "2024001", "q1").get("score")).doubleValue()).isEqualTo(4.0);
        assertThat(((Number) grade(grades, "2024004", "q2").get("score")).doubleValue()).isZero();
    }

    private void uploadKey() {
        String job = Uploads.upload(token, task, "answer-key", "key.md", KEY.getBytes(StandardCharsets.UTF_8)).then()
                .statusCode(202).extract().path("jobId");
        assertThat(Uploads.awaitJob(token, job).get("status")).isEqualTo("succeeded");
    }

    private static Map<String, Object> grade(List<Map<String, Object>> grades, String student, String problem) {
        return grades.stream().filter(g -> student.equals(g.get("studentId")) && problem.equals(g.get("problemId")))
                .findFirst().orElseThrow(() -> new AssertionError("no grade " + student + "/" + problem));
    }
}
