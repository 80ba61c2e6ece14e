package ai.smartai.backend.report;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import ai.smartai.backend.testing.Api;
import ai.smartai.backend.testing.GradedDemo;
import ai.smartai.backend.testing.Uploads;
import ai.smartai.model.common.Scores;
import io.quarkus.test.junit.QuarkusTest;

/** Questions about a graded class: each is answered by its operation, and every number in the answer is computed. */
@QuarkusTest
class QuestionApiTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyNumberInTheAnswerAppearsInTheComputedTable() {
        GradedDemo.Graded demo = GradedDemo.get();
        Map<String, String> questions = Map.of(
                "哪道题错得最多？错在哪里？", "common_wrong_answers",
                "Which problem did most students get wrong, and how?", "common_wrong_answers",
                "哪些学生低于60分？", "students_below",
                "Who got at least 50 points?", "students_above",
                "第4题的平均分和通过率", "problem_stats",
                "Which problem was the hardest?", "problem_stats",
                "Show me the distribution of totals", "distribution",
                "还有多少份待复核？", "review_backlog");
        for (Map.Entry<String, String> q : questions.entrySet()) {
            Map<String, Object> answer = Api.as(demo.token()).body(Map.of("question", q.getKey()))
                    .post("/api/tasks/" + demo.taskId() + "/questions").then().statusCode(200).extract().jsonPath()
                    .getMap("$");
            assertThat(answer.get("operation")).as(q.getKey()).isEqualTo(q.getValue());
            Map<String, Object> table = (Map<String, Object>) answer.get("table");
            List<List<Object>> rows = (List<List<Object>>) table.get("rows");
            if (!q.getValue().startsWith("students_")) {
                assertThat(rows).as(q.getKey()).isNotEmpty();
            }
            Set<String> inTable = new HashSet<>();
            rows.forEach(row -> row.forEach(cell -> inTable.addAll(numbers(String.valueOf(cell)))));
            assertThat(numbers((String) answer.get("answer"))).as(q.getKey() + " → " + answer)
                    .isSubsetOf(inTable);
            assertThat((String) answer.get("answer")).isNotIn("The answer is in the table below.", "答案见下表。");
        }
    }

    @Test
    void theAnswerToWhoIsBelowMatchesTheGradebook() {
        GradedDemo.Graded demo = GradedDemo.get();
        List<Map<String, Object>> rows = Api.as(demo.token()).get("/api/tasks/" + demo.taskId() + "/gradebook").then()
                .statusCode(200).extract().jsonPath().getList("rows");
        long below = rows.stream().filter(r -> ((Number) r.get("total")).doubleValue() < 60).count();
        List<List<Object>> table = Api.as(demo.token()).body(Map.of("question", "Who scored below 60?", "lang", "en"))
                .post("/api/tasks/" + demo.taskId() + "/questions").then().statusCode(200).extract().jsonPath()
                .getList("table.rows");
        assertThat(table).hasSize((int) below);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theStudentsWhoDeclinedSinceAnotherTaskAreComputedFromBothGradebooks() throws Exception {
        GradedDemo.Graded demo = GradedDemo.get();
        Map<String, Object> book = Api.as(demo.token()).get("/api/tasks/" + demo.taskId() + "/gradebook").then()
                .statusCode(200).extract().jsonPath().getMap("$");
        double max = ((Number) book.get("maxTotal")).doubleValue();
        Map<String, Double> earlier = new HashMap<>();
        for (Map<String, Object> r : (List<Map<String, Object>>) book.get("rows")) {
            earlier.put((String) r.get("studentId"), Scores.round(100 * ((Number) r.get("total")).doubleValue() / max));
        }
        // Three of the class in a later task of the same teacher, not graded yet: their totals are 0.
        String later = Uploads.newTask(demo.token(), "作业四 Later");
        awaitUpload(demo.token(), later, "problems", "problems.md", "## 1. (5分) 1 + 1 = ?\n".getBytes(UTF_8));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            for (String id : List.of("2023001", "2023003", "2023008")) {
                out.putNextEntry(new ZipEntry(id + ".txt"));
                out.write("1. 2\n".getBytes(UTF_8));
                out.closeEntry();
            }
        }
        awaitUpload(demo.token(), later, "submissions", "class.zip", zip.toByteArray());
        earlier.keySet().retainAll(List.of("2023001", "2023003", "2023008"));

        Map<String, Object> declined = ask(demo.token(), later, "Which students declined since \"作业三 Demo\"?",
                "en");
        assertThat(declined.get("operation")).isEqualTo("students_change");
        assertThat((Map<String, Object>) declined.get("arguments")).containsEntry("direction", "declined")
                .containsEntry("task", "作业三 Demo");
        Map<String, Object> table = (Map<String, Object>) declined.get("table");
        List<List<Object>> rows = (List<List<Object>>) table.get("rows");
        Map<String, Double> expected = new HashMap<>(earlier);
        expected.values().removeIf(p -> p == 0);
        assertThat(rows).extracting(r -> (String) r.get(0)).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (List<Object> r : rows) {
            assertThat(((Number) r.get(4)).doubleValue()).as(r.toString()).isCloseTo(expected.get(r.get(0)),
                    within(0.001));
            assertThat(r.get(5)).isEqualTo("declined");
        }
        Set<String> inTable = new HashSet<>();
        ((List<String>) table.get("columns")).forEach(c -> inTable.addAll(numbers(c)));
        rows.forEach(row -> row.forEach(cell -> inTable.addAll(numbers(String.valueOf(cell)))));
        assertThat(numbers((String) declined.get("answer"))).isSubsetOf(inTable);
        assertThat((String) declined.get("answer")).contains("declined").contains("作业三 Demo");

        // With no task named, the teacher's previous task is the one compared; nobody improved on it.
        Map<String, Object> improved = ask(demo.token(), later, "哪些学生进步了？", "zh");
        assertThat((Map<String, Object>) improved.get("arguments")).containsEntry("task", "作业三 Demo");
        assertThat((List<Object>) ((Map<String, Object>) improved.get("table")).get("rows")).isEmpty();
        assertThat((String) improved.get("answer")).contains("没有进步的学生");
        // Another teacher's task of that name is not theirs to compare.
        String other = Api.newTeacherToken();
        String theirs = Uploads.newTask(other, "theirs");
        assertThat((List<Object>) ((Map<String, Object>) ask(other, theirs, "Who improved since \"作业三 Demo\"?", "en")
                .get("table")).get("rows")).isEmpty();
    }

    private static void awaitUpload(String token, String task, String kind, String name, byte[] bytes) {
        String job = Uploads.upload(token, task, kind, name, bytes).then().statusCode(202).extract().path("jobId");
        assertThat(Uploads.awaitJob(token, job).get("status")).isEqualTo("succeeded");
    }

    private static Map<String, Object> ask(String token, String task, String question, String lang) {
        return Api.as(token).body(Map.of("question", question, "lang", lang)).post("/api/tasks/" + task + "/questions")
                .then()
                .statusCode(200).extract().jsonPath().getMap("$");
    }

    @Test
    void aQuestionNoOperationCoversGetsAPlainRefusal() {
        GradedDemo.Graded demo = GradedDemo.get();
        Map<String, Object> answer = Api.as(demo.token()).body(Map.of("question", "Write me a poem", "lang", "en"))
                .post("/api/tasks/" + demo.taskId() + "/questions").then().statusCode(200).extract().jsonPath()
                .getMap("$");
        assertThat(answer.get("operation")).isNull();
        assertThat((String) answer.get("answer")).contains("cannot answer").contains("distribution");
    }

    @Test
    void anotherTeacherGets404AndABlankQuestion400() {
        GradedDemo.Graded demo = GradedDemo.get();
        Api.as(Api.newTeacherToken()).body(Map.of("question", "全班成绩分布如何"))
                .post("/api/tasks/" + demo.taskId() + "/questions").then().statusCode(404);
        Api.as(demo.token()).body(Map.of("question", " ")).post("/api/tasks/" + demo.taskId() + "/questions").then()
                .statusCode(400);
    }

    private static Set<String> numbers(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = Pattern.compile("\\d+(?:\\.\\d+)?").matcher(text);
        while (m.find()) {
            out.add(Scores.format(Double.parseDouble(m.group())));
        }
        return out;
    }
}
