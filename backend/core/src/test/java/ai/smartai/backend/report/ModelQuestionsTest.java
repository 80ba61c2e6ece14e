package ai.smartai.backend.report;

import static ai.smartai.backend.testing.Uploads.DEMO;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.smartai.backend.llm.StubLlm;
import ai.smartai.backend.llm.StubLlm.Step;
import ai.smartai.backend.testing.Api;
import ai.smartai.backend.testing.Uploads;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Questions with a provider, against the local stub: the operation the model chooses is the one computed, a wording
 * whose numbers are all in the table is sent, and a wording with an invented number is refused for the computed one.
 */
@QuarkusTest
class ModelQuestionsTest {

    static StubLlm stub;

    @BeforeAll
    static void start() throws Exception {
        stub = new StubLlm();
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theModelsChoiceIsComputedAndItsWordingKeptOnlyWhenEveryNumberIsInTheTable() {
        String token = Api.newTeacherToken();
        String task = Uploads.newTask(token, "questions with a model");
        Uploads.uploadAndWait(token, task, "problems", DEMO.resolve("problems.md"));
        Uploads.uploadAndWait(token, task, "submissions", DEMO.resolve("students.zip"));
        String model = "router-" + UUID.randomUUID().toString().substring(0, 6);
        Api.as(token).body(Map.of("kind", "openai", "baseUrl", stub.url("openai"), "apiKey", "sk-test", "model",
                model, "displayName", model)).post("/api/providers").then().statusCode(201);

        // The offline parser would say students_below; the model says review_backlog, and that is what is computed.
        stub.script(model, Step.reply("{\"operation\": \"review_backlog\", \"arguments\": {}}"),
                Step.reply("Everything is still waiting for you."));
        Map<String, Object> chosen = ask(token, task, "Who scored below 60?");
        assertThat(chosen.get("operation")).isEqualTo("review_backlog");
        assertThat(chosen.get("answer")).isEqualTo("Everything is still waiting for you.");
        assertThat(stub.seen().stream().filter(s -> model.equals(s.model())).findFirst().orElseThrow().body())
                .contains("Who scored below 60?").contains("students_below");

        // A wording with an invented number is refused: the computed sentence and its table are sent instead.
        stub.script(model, Step.reply("{\"operation\": \"distribution\", \"arguments\": {}}"),
                Step.reply("The class did great: 97 students passed."));
        Map<String, Object> refused = ask(token, task, "How did the class do overall?");
        assertThat(refused.get("operation")).isEqualTo("distribution");
        assertThat((String) refused.get("answer")).doesNotContain("97").contains("students");
        List<List<Object>> rows = (List<List<Object>>) ((Map<String, Object>) refused.get("table")).get("rows");
        assertThat(rows).isNotEmpty();

        // A wording that only repeats computed numbers is kept.
        stub.script(model, Step.reply("{\"operation\": \"distribution\", \"arguments\": {}}"),
                Step.reply("There are 10 students in this class."));
        assertThat(ask(token, task, "How many students are there, overall?").get("answer"))
                .isEqualTo("There are 10 students in this class.");
    }

    @Test
    void theModelsChoiceOfAChangeBetweenTasksKeepsItsDirectionAndTask() {
        var intent = ModelQuestions.choice("{\"operation\": \"students_change\", \"arguments\": "
                + "{\"direction\": \"declined\", \"task\": \"作业二\", \"score\": null}}").orElseThrow();
        assertThat(intent.operation().wire).isEqualTo("students_change");
        assertThat(intent.arguments()).containsExactlyInAnyOrderEntriesOf(Map.of("direction", "declined",
                "task", "作业二"));
    }

    private static Map<String, Object> ask(String token, String task, String question) {
        return Api.as(token).body(Map.of("question", question, "lang", "en"))
                .post("/api/tasks/" + task + "/questions").then().statusCode(200).extract().jsonPath().getMap("$");
    }
}
