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
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Questions with a provider, against the local stub: the operation the model chooses is the one computed, a wording
 * whose numbers are all in the table is sent, and a wording with an invented number is refused for the computed one.
 */
@QuarkusTest
@TestProfile(ModelQuestionsTest.PatientProvider.class)
class ModelQuestionsTest {

    /**
     * A provider's time as in production, not the 2 s the timing tests use: a first call that outlives it on a busy
     * machine is retried, and the retry takes the scripted step meant for the next call.
     */
    public static class PatientProvider implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("smartai.llm.timeout", "30s");
        }
    }

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
        String task = demoClass(token, "questions with a model");
        String model = "router-" + UUID.randomUUID().toString().substring(0, 6);
        Api.as(token).body(Map.of("kind", "openai", "baseUrl", stub.url("openai"), "apiKey", "sk-test", "model",
                model, "displayName", model)).post("/api/providers").then().statusCode(201);

        // The offline parser would say students_below; the model says review_backlog, and that is what is computed.
        answers(model, Step.reply("{\"operation\": \"review_backlog\", \"arguments\": {}}"),
                Step.reply("Everything is still waiting for you."));
        Map<String, Object> chosen = ask(token, task, "Who scored below 60?");
        assertThat(chosen.get("operation")).isEqualTo("review_backlog");
        assertThat(chosen.get("answer")).isEqualTo("Everything is still waiting for you.");
        assertThat(stub.seen().stream().filter(s -> model.equals(s.model())).findFirst().orElseThrow().body())
                .contains("Who scored below 60?").contains("students_below");

        // A wording with an invented number is refused: the computed sentence and its table are sent instead.
        answers(model, Step.reply("{\"operation\": \"distribution\", \"arguments\": {}}"),
                Step.reply("The class did great: 97 students passed."));
        Map<String, Object> refused = ask(token, task, "How did the class do overall?");
        assertThat(refused.get("operation")).isEqualTo("distribution");
        assertThat((String) refused.get("answer")).doesNotContain("97").contains("students");
        List<List<Object>> rows = (List<List<Object>>) ((Map<String, Object>) refused.get("table")).get("rows");
        assertThat(rows).isNotEmpty();

        // A wording that only repeats computed numbers is kept.
        answers(model, Step.reply("{\"operation\": \"distribution\", \"arguments\": {}}"),
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

    @Test
    @SuppressWarnings("unchecked")
    void eachProvidersNativeToolCallChoosesTheOperationThatIsComputed() {
        String token = Api.newTeacherToken();
        String task = demoClass(token, "questions with tool calling");
        String previous = null;
        for (String kind : List.of("openai", "anthropic", "gemini")) {
            String model = "tools-" + kind + "-" + UUID.randomUUID().toString().substring(0, 6);
            if (previous != null) {
                // The teacher's first enabled provider answers: the one before steps aside.
                Api.as(token).body(Map.of("enabled", false)).put("/api/providers/" + previous).then()
                        .statusCode(200);
            }
            previous = Api.as(token).body(Map.of("kind", kind, "baseUrl", stub.url(kind), "apiKey", "sk-tools-1",
                    "model", model, "displayName", model)).post("/api/providers").then().statusCode(201).extract()
                    .path("id");
            // The offline parser would compute per-problem statistics; the model's tool call decides.
            answers(model, Step.tool("students_below", "{\"score\": \"60\"}"),
                    Step.reply("These are the students under the threshold."));
            Map<String, Object> answer = ask(token, task, "Which problem was the hardest?");
            assertThat(answer.get("operation")).as(kind).isEqualTo("students_below");
            assertThat((Map<String, Object>) answer.get("arguments")).as(kind).containsEntry("score", "60");
            assertThat(answer.get("answer")).as(kind).isEqualTo("These are the students under the threshold.");
            String offered = stub.seen().stream().filter(s -> model.equals(s.model())).findFirst().orElseThrow()
                    .body();
            assertThat(offered).as(kind + ": every operation offered as a tool").contains("students_change",
                    "review_backlog", "common_wrong_answers");
            switch (kind) {
                case "openai" -> assertThat(offered).contains("\"tools\"", "\"function\"");
                case "anthropic" -> assertThat(offered).contains("\"tools\"", "\"input_schema\"");
                default -> assertThat(offered).contains("functionDeclarations");
            }
        }
    }

    @Test
    void everyOperationIsOfferedAsATool() {
        assertThat(ModelQuestions.TOOLS.stream().map(t -> t.name()))
                .containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(QuestionParser.Operation.values())
                        .map(o -> o.wire).toList());
    }

    /**
     * The model's routing and wording answers for the next question. Each is given twice: a call retried after a lost
     * reply gets the same answer, as from a real provider, instead of the step meant for the next call.
     */
    private static void answers(String model, Step route, Step phrase) {
        stub.rescript(model + "#route", route, route).rescript(model + "#phrase", phrase, phrase);
    }

    /** A task holding the demo class, read and not graded. */
    private static String demoClass(String token, String name) {
        String task = Uploads.newTask(token, name);
        Uploads.uploadAndWait(token, task, "problems", DEMO.resolve("problems.md"));
        Uploads.uploadAndWait(token, task, "submissions", DEMO.resolve("students.zip"));
        return task;
    }

    private static Map<String, Object> ask(String token, String task, String question) {
        return Api.as(token).body(Map.of("question", question, "lang", "en"))
                .post("/api/tasks/" + task + "/questions").then().statusCode(200).extract().jsonPath().getMap("$");
    }
}
