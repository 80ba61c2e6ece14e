package ai.smartai.model.grade;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum GradeMethod {
    @JsonProperty("choice")
    CHOICE,
    @JsonProperty("cas")
    CAS,
    @JsonProperty("sandbox")
    SANDBOX,
    @JsonProperty("similarity")
    SIMILARITY,
    @JsonProperty("steps")
    STEPS,
    @JsonProperty("llm-panel")
    LLM_PANEL,
    @JsonProperty("manual")
    MANUAL,
    /** No method could judge the answer: the score is null and the grade waits for a teacher. */
    @JsonProperty("none")
    NONE
}
