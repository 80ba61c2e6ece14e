package ai.smartai.model.problem;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum ProblemType {
    @JsonProperty("choice")
    CHOICE,
    @JsonProperty("calculation")
    CALCULATION,
    @JsonProperty("programming")
    PROGRAMMING,
    @JsonProperty("concept")
    CONCEPT,
    @JsonProperty("proof")
    PROOF,
    @JsonProperty("reasoning")
    REASONING,
    @JsonProperty("other")
    OTHER
}
