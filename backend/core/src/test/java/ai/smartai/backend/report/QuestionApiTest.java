package ai.smartai.backend.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import ai.smartai.backend.testing.Api;
import ai.smartai.backend.testing.GradedDemo;
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
