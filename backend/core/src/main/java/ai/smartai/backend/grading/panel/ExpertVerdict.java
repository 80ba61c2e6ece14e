package ai.smartai.backend.grading.panel;

import java.util.List;

import ai.smartai.backend.llm.Prompts;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * What one expert (or the judge) answered, read leniently and then checked strictly: a reply that cannot be read or
 * breaks a bound is refused with a sentence the model can act on when re-asked.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExpertVerdict(Double score, Double maxScore, Double confidence, String comment, List<Step> steps,
        List<RubricLine> rubricItems, Boolean injection, String disagreement) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Step(String description, Boolean correct, Double points) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RubricLine(String description, Double points, Double awarded) {
    }

    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_JAVA_COMMENTS,
                    JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** The reply as a verdict on a problem worth {@code max}; IllegalArgumentException says what is wrong. */
    public static ExpertVerdict parse(String reply, double max) {
        String json = Prompts.jsonObject(reply);
        ExpertVerdict v;
        try {
            v = LENIENT.readValue(json, ExpertVerdict.class);
        } catch (Exception e) {
            throw new IllegalArgumentException("the reply is not one JSON object with the fields asked for");
        }
        if (v.score() == null || v.score().isNaN()) {
            throw new IllegalArgumentException("\"score\" is missing or not a number");
        }
        if (v.score() < 0 || v.score() > max + 1e-9) {
            throw new IllegalArgumentException("\"score\" " + v.score() + " is outside 0.." + max);
        }
        if (v.confidence() == null || v.confidence() < 0 || v.confidence() > 1) {
            throw new IllegalArgumentException("\"confidence\" must be a number from 0 to 1");
        }
        return v;
    }

    /** Code fences, prose around the object and trailing commas are what models get wrong most. */
}
