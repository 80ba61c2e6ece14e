package ai.smartai.model.job;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum JobKind {
    @JsonProperty("problems")
    PROBLEMS,
    @JsonProperty("answer-key")
    ANSWER_KEY,
    @JsonProperty("submissions")
    SUBMISSIONS,
    @JsonProperty("grading")
    GRADING
}
