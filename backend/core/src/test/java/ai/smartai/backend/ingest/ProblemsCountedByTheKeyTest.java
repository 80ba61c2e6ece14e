package ai.smartai.backend.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.smartai.backend.ingest.archive.Archives;
import ai.smartai.backend.testing.Api;
import ai.smartai.backend.testing.Uploads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * A problem set whose numbering the parser does not know ("1 Sorting", as LaTeX typesets a section) is one problem
 * until its key numbers the problems: then it is split where those numbers stand, and the students' answers with it.
 * A set that does not hold the key's numbers is completed from the key, or, numbered unlike it, says which answers
 * cannot be graded.
 */
@QuarkusTest
class ProblemsCountedByTheKeyTest {

    static final String TYPESET = """
            Homework 5 — Algorithms
            Each part is worth at least
            1 point unless stated.

            1 Sorting (4 points)
            How many swaps does insertion sort make on 3, 1, 2?

            2 Recurrences (6 points)
            Solve T(n) = 2T(n/2) + n for the order of growth.
            """;

    static final String KEY = """
            1. Answer: 2

            2. Answer: $\\Theta(n \\log n)$
            """;

    String token;
    String task;

    @BeforeEach
    void setUp() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        token = Api.newTeacherToken();
        task = Uploads.newTask(token, "Typeset homework");
    }

    @Test
    void theKeySplitsTheSetAndTheAnswersFollow() throws Exception {
        var set = upload("problems", "hw5.txt", TYPESET);
        assertThat(codes(set)).contains("up-no-numbering");
        problems().body("id", equalTo(List.of("q1")));

        var key = upload("answer-key", "key.md", KEY);
        assertThat(key.get("status")).isEqualTo("succeeded");
        assertThat(codes(key)).contains("up-split-by-key").doesNotContain("up-fewer-problems");
        problems().body("id", equalTo(List.of("q1", "q2"))).body("maxScore", equalTo(List.of(4.0f, 6.0f)))
                .body("[0].referenceAnswer", equalTo("Answer: 2"));

        List<Map<String, Object>> answers = answersOf("2024001_Ada.md",
                "1. Two swaps: 2\n\n2. Θ(n log n) by the master theorem\n");
        assertThat(answers).extracting(a -> a.get("problemId")).containsExactly("q1", "q2");
        assertThat(answers.get(1).get("text")).asString().startsWith("Θ(n log n)");

        // The same set uploaded again, the key already there: split at once, the answers kept.
        var again = upload("problems", "hw5-v2.txt", TYPESET.replace("3, 1, 2", "3, 2, 1"));
        assertThat(codes(again)).contains("up-split-by-key").doesNotContain("up-no-numbering");
        problems().body("id", equalTo(List.of("q1", "q2")));
    }

    @Test
    void aSetAndAKeyTypesetAlikeAreSplitWhereBothHoldTheSameNumbers() throws Exception {
        String typesetKey = """
                Solutions to Homework 5

                1 Sorting
                Answer: 2

                2 Recurrences
                Answer: $\\Theta(n \\log n)$
                """;
        upload("problems", "hw5.txt", TYPESET);
        var key = upload("answer-key", "solutions.txt", typesetKey);
        assertThat(key.get("status")).isEqualTo("succeeded");
        assertThat(codes(key)).contains("up-split-by-key").doesNotContain("up-problems-from-key");
        problems().body("id", equalTo(List.of("q1", "q2"))).body("[0].referenceAnswer", equalTo("Answer: 2"))
                .body("[1].referenceAnswer", equalTo("Answer: $\\Theta(n \\log n)$"));
        // The set uploaded again, the key already there: split at once.
        var again = upload("problems", "hw5-v2.txt", TYPESET.replace("3, 1, 2", "3, 2, 1"));
        assertThat(codes(again)).contains("up-split-by-key");
        problems().body("id", equalTo(List.of("q1", "q2")));

        // A student who typesets alike is split on the same markers.
        List<Map<String, Object>> answers = answersOf("2024002_Grace.txt",
                "Grace 2024002\n\n1 Sorting\nTwo swaps.\n\n2 Recurrences\nΘ(n log n)\n");
        assertThat(answers).extracting(a -> a.get("problemId")).containsExactly("q1", "q2");
        assertThat(answers.get(1).get("text")).asString().contains("Θ(n log n)");
    }

    @Test
    void aKeyNumberedOnlyByLooseMarkersMakesNoProblems() {
        upload("problems", "notes.txt", "Read chapter 4 and answer the questions from the lecture.\n");
        var key = upload("answer-key", "key.txt", "Step 1: read.\nStep 2: answer.\n");
        assertThat(codes(key)).doesNotContain("up-problems-from-key", "up-split-by-key");
        problems().body("id", equalTo(List.of("q1")));
    }

    @Test
    void problemsTheSetDoesNotHoldAreMadeFromTheKeySoTheirAnswersAreGraded() {
        upload("problems", "notes.txt", "Read chapter 4 and answer the questions from the lecture.\n");
        var key = upload("answer-key", "key.md", KEY);
        assertThat(key.get("status")).isEqualTo("succeeded");
        assertThat(codes(key)).contains("up-problems-from-key");
        assertThat((List<String>) key.get("warnings")).anySatisfy(
                w -> assertThat(w).contains("notes.txt").contains("key.md").contains("problems 1, 2 were made"));
        problems().body("id", equalTo(List.of("q1", "q2"))).body("stem", equalTo(List.of("", "")))
                .body("type", equalTo(List.of("calculation", "calculation")));
    }

    @Test
    void aSetNumberedUnlikeItsKeyIsLeftAsItIsAndSaysWhichAnswersCannotBeGraded() {
        upload("problems", "hw.md", "1.1 Sort 3, 1, 2.\n\n1.2 Solve T(n) = 2T(n/2) + n.\n");
        var key = upload("answer-key", "key.md", "1. Answer: 2\n\n2. Answer: 5\n\n3. Answer: 7\n");
        assertThat(codes(key)).contains("up-fewer-problems").doesNotContain("up-problems-from-key");
        assertThat((List<String>) key.get("warnings"))
                .anySatisfy(w -> assertThat(w).contains("key.md").contains("hw.md").contains("3 problems"));
        problems().body("id", equalTo(List.of("q1.1", "q1.2")));
    }

    private Map<String, Object> upload(String kind, String name, String text) {
        String job = Uploads.upload(token, task, kind, name, text.getBytes(StandardCharsets.UTF_8)).then()
                .statusCode(202).extract().path("jobId");
        return Uploads.awaitJob(token, job);
    }

    /** One student's sheet uploaded as the class archive; that student's answers. */
    private List<Map<String, Object>> answersOf(String fileName, String sheet) throws Exception {
        byte[] zip = Archives.zip(Map.of(fileName, sheet));
        var students = Uploads.awaitJob(token, Uploads.upload(token, task, "submissions", "hw5.zip", zip).then()
                .statusCode(202).extract().path("jobId"));
        assertThat(students.get("status")).isEqualTo("succeeded");
        return Api.as(token).get("/api/tasks/" + task + "/students").then().statusCode(200).extract().jsonPath()
                .getList("[0].answers");
    }

    private io.restassured.response.ValidatableResponse problems() {
        return Api.as(token).get("/api/tasks/" + task + "/problems").then().statusCode(200);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> codes(Map<String, Object> job) {
        return ((List<Map<String, Object>>) job.getOrDefault("warningCodes", List.of())).stream()
                .map(c -> c.get("code")).map(Object.class::cast).toList();
    }
}
