package ai.smartai.backend.grading.panel;

import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;

/**
 * The structured output asked of experts and the judge. Providers that take a JSON schema (OpenAI-compatible, Gemini)
 * get it as their response format; the prompt states it too, for Anthropic and for servers that ignore it.
 */
final class PanelSchemas {

    private PanelSchemas() {
    }

    static final ResponseFormat EXPERT = ResponseFormat.builder().type(ResponseFormatType.JSON)
            .jsonSchema(JsonSchema.builder().name("grade").rootElement(JsonObjectSchema.builder()
                    .addNumberProperty("score")
                    .addNumberProperty("maxScore")
                    .addNumberProperty("confidence", "0 to 1")
                    .addStringProperty("comment")
                    .addProperty("steps", JsonArraySchema.builder().items(JsonObjectSchema.builder()
                            .addStringProperty("description").addBooleanProperty("correct").addNumberProperty("points")
                            .required("description", "correct", "points").build()).build())
                    .addProperty("rubricItems", JsonArraySchema.builder().items(JsonObjectSchema.builder()
                            .addStringProperty("description").addNumberProperty("points").addNumberProperty("awarded")
                            .required("description", "points", "awarded").build()).build())
                    .addBooleanProperty("injection")
                    .required("score", "maxScore", "confidence", "comment", "steps", "rubricItems", "injection")
                    .build()).build())
            .build();

    static final ResponseFormat JUDGE = ResponseFormat.builder().type(ResponseFormatType.JSON)
            .jsonSchema(JsonSchema.builder().name("merged_grade").rootElement(JsonObjectSchema.builder()
                    .addNumberProperty("score")
                    .addNumberProperty("maxScore")
                    .addNumberProperty("confidence", "0 to 1")
                    .addStringProperty("comment")
                    .addStringProperty("disagreement")
                    .required("score", "maxScore", "confidence", "comment", "disagreement")
                    .build()).build())
            .build();
}
