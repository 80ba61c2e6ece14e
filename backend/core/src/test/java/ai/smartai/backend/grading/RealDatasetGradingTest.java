package ai.smartai.backend.grading;

import static ai.smartai.backend.testing.Uploads.REAL;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import ai.smartai.backend.testing.Api;
import ai.smartai.backend.testing.Uploads;
import ai.smartai.model.common.Scores;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Grades the real class of the system we replace against its key, offline, and writes the per-student table to
 * target/grading-report-hw2.md (committed as docs/grading-report-hw2.md after review).
 */
@QuarkusTest
class RealDatasetGradingTest {

    @Test
    @SuppressWarnings("unchecked")
    void gradesTheRealClass() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(REAL), "no shared dataset at " + REAL.toAbsolutePath());
        String token = Api.newTeacherToken();
        String task = Uploads.newTask(token, "SmarTAI hw2");
        Uploads.uploadAndWait(token, task, "problems", REAL.resolve("SmarTAI_hw2.txt"));
        Uploads.uploadAndWait(token, task, "answer-key", REAL.resolve("SmarTAI_hw2_correct_answers.txt"));
        Uploads.uploadAndWait(token, task, "submissions", REAL.resolve("SmarTAI_test_stu_hw2.zip"));
        String jobId = Api.as(token).body(Map.of()).post("/api/tasks/" + task + "/grading").then().statusCode(202)
                .extract().path("jobId");
        assertThat(Uploads.awaitJob(token, jobId).get("status")).isEqualTo("succeeded");

        List<Map<String, Object>> grades = Api.as(token).get("/api/tasks/" + task + "/grades").then().statusCode(200)
                .extract().jsonPath().getList("$");
        List<Map<String, Object>> students = Api.as(token).get("/api/tasks/" + task + "/students").then()
                .extract().jsonPath().getList("$");
        assertThat(grades).hasSize(140);

        Map<String, Map<String, Map<String, Object>>> table = new TreeMap<>();
        for (Map<String, Object> g : grades) {
            table.computeIfAbsent((String) g.get("studentId"), k -> new TreeMap<>()).put((String) g.get("problemId"),
                    g);
        }
        Map<String, String> key = Map.of("q1", "E", "q2", "B", "q6", "C");
        for (var s : students) {
            var answers = (List<Map<String, Object>>) s.get("answers");
            for (var choice : key.entrySet()) {
                String written = answers.stream().filter(a -> a.get("problemId").equals(choice.getKey())).findFirst()
                        .map(a -> ((String) a.get("text")).strip()).orElse("");
                Map<String, Object> g = table.get(s.get("id")).get(choice.getKey());
                assertThat(g.get("method")).isEqualTo("choice");
                assertThat(((Number) g.get("score")).doubleValue()).as(s.get("id") + " " + choice.getKey())
                        .isEqualTo(written.equals(choice.getValue()) ? 10.0 : 0.0);
            }
            // The key's expression contradicts the stem's minterms: the tool checks, and leaves the score to the teacher.
            assertThat(table.get(s.get("id")).get("q4").get("method")).isIn("cas", "none");
            assertThat(table.get(s.get("id")).get("q4").get("needsReview")).isEqualTo(true);
            assertThat(table.get(s.get("id")).get("q5").get("method")).isEqualTo("sandbox");
            assertThat((List<Map<String, Object>>) table.get(s.get("id")).get("q4").get("evidence"))
                    .anyMatch(e -> "cas-boolean".equals(e.get("kind")));
            assertThat((List<Map<String, Object>>) table.get(s.get("id")).get("q5").get("evidence"))
                    .anyMatch(e -> "test-cases".equals(e.get("kind")));
        }
        Files.writeString(Path.of("target/grading-report-hw2.md"), report(table, students));
    }

    @SuppressWarnings("unchecked")
    static String report(Map<String, Map<String, Map<String, Object>>> table, List<Map<String, Object>> students) {
        StringBuilder out = new StringBuilder();
        out.append("| student | q1 | q2 | q3 | q4 | q5 | q6 | q7 | total | to review |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|\n");
        List<String> notes = new ArrayList<>();
        for (var s : students) {
            String id = (String) s.get("id");
            out.append("| ").append(id).append(' ').append(s.get("name"));
            double total = 0;
            int review = 0;
            for (int q = 1; q <= 7; q++) {
                Map<String, Object> g = table.get(id).get("q" + q);
                Object score = g.get("score");
                out.append(" | ").append(score == null ? "—" : Scores.format(((Number) score).doubleValue()))
                        .append(Boolean.TRUE.equals(g.get("needsReview")) ? "*" : "");
                total += score == null ? 0 : ((Number) score).doubleValue();
                if (Boolean.TRUE.equals(g.get("needsReview"))) {
                    review++;
                    notes.add("- " + id + " q" + q + ": " + String.join("; ", (List<String>) g.get("reviewReasons")));
                }
            }
            out.append(" | ").append(Scores.format(total)).append(" | ").append(review).append(" |\n");
        }
        out.append("\n`*` needs review. Reasons:\n\n");
        notes.forEach(n -> out.append(n).append('\n'));
        out.append("\nEvidence for one student (PB20111696):\n\n");
        for (var e : table.get("PB20111696").entrySet()) {
            out.append("- ").append(e.getKey()).append(" (").append(e.getValue().get("method")).append("): ");
            for (var ev : (List<Map<String, Object>>) e.getValue().get("evidence")) {
                out.append(ev.get("summary")).append(' ');
            }
            out.append('\n');
        }
        return out.toString();
    }
}
