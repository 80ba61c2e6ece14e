package ai.smartai.backend.gradebook;

import static ai.smartai.backend.testing.Uploads.DEMO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.smartai.backend.testing.Api;
import ai.smartai.backend.testing.Uploads;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** One gradebook, computed once: the API's rows, the CSV and the pass threshold agree. */
@QuarkusTest
class GradebookApiTest {

    @Test
    @SuppressWarnings("unchecked")
    void theCsvAndThePassThresholdComeFromTheOneGradebook() throws Exception {
        String token = Api.newTeacherToken();
        String task = Uploads.newTask(token, "Gradebook");
        Uploads.uploadAndWait(token, task, "problems", DEMO.resolve("problems.md"));
        Uploads.uploadAndWait(token, task, "answer-key", DEMO.resolve("answer-key.md"));
        Uploads.uploadAndWait(token, task, "submissions", DEMO.resolve("students.zip"));
        String job = Api.as(token).body(Map.of()).post("/api/tasks/" + task + "/grading").then().statusCode(202)
                .extract().path("jobId");
        Uploads.awaitJob(token, job);

        Map<String, Object> book = Api.as(token).get("/api/tasks/" + task + "/gradebook").then().statusCode(200)
                .extract().jsonPath().getMap("$");
        List<Map<String, Object>> rows = (List<Map<String, Object>>) book.get("rows");
        List<Map<String, Object>> columns = (List<Map<String, Object>>) book.get("problems");
        assertThat(rows).hasSize(10);
        assertThat(columns).hasSize(9);
        double maxTotal = ((Number) book.get("maxTotal")).doubleValue();
        for (Map<String, Object> row : rows) {
            Map<String, Object> scores = (Map<String, Object>) row.get("scores");
            double sum = scores.values().stream().filter(v -> v != null).mapToDouble(v -> ((Number) v).doubleValue())
                    .sum();
            long nulls = scores.values().stream().filter(v -> v == null).count();
            assertThat(((Number) row.get("total")).doubleValue()).isCloseTo(sum, offset(0.01));
            assertThat(row.get("unscored")).isEqualTo((int) nulls);
            assertThat((Integer) row.get("awaitingReview")).isGreaterThanOrEqualTo((int) nulls);
            if (nulls > 0) {
                assertThat(row.get("passed")).isNull();
            } else {
                assertThat(row.get("passed")).isEqualTo(sum >= 0.6 * maxTotal - 1e-9);
            }
        }

        // The CSV is the same rows.
        String csv = Api.as(token).accept("text/csv").get("/api/tasks/" + task + "/grades.csv").then().statusCode(200)
                .extract().asString();
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.replace("\uFEFF", ""))).getRecords();
        assertThat(records).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertThat(records.get(i).get("student_id")).isEqualTo(rows.get(i).get("studentId"));
            assertThat(Double.parseDouble(records.get(i).get("total")))
                    .isCloseTo(((Number) rows.get(i).get("total")).doubleValue(), offset(0.01));
            assertThat(Integer.parseInt(records.get(i).get("needs_review")))
                    .isEqualTo(rows.get(i).get("awaitingReview"));
        }

        // The task's threshold is the one applied.
        Api.as(token).body(Map.of("settings", Map.of("passThreshold", 0.0))).put("/api/tasks/" + task).then()
                .statusCode(200);
        List<Map<String, Object>> lenient = Api.as(token).get("/api/tasks/" + task + "/gradebook").then()
                .extract().jsonPath().getList("rows");
        assertThat(lenient).allMatch(r -> r.get("passed") == null || Boolean.TRUE.equals(r.get("passed")));
    }
}
