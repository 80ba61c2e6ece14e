package ai.smartai.model.problem;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The kinds of grading rule an answer key states beside its answers. */
public enum PolicyKind {
    /** Library calls or constructs a program must not use; {@code terms} names them. */
    @JsonProperty("forbidden-operation")
    FORBIDDEN_OPERATION,
    /** How far a value with units may be off, and what a missing or wrong unit costs; {@code amount} is a relative tolerance. */
    @JsonProperty("unit-tolerance")
    UNIT_TOLERANCE,
    /** Whether extra output lines or whitespace are allowed in a program's output. */
    @JsonProperty("extra-output")
    EXTRA_OUTPUT,
    /** How partial credit is given for incomplete work. */
    @JsonProperty("partial-credit")
    PARTIAL_CREDIT,
    /** An error carried forward from an earlier step is not charged again. */
    @JsonProperty("carried-error")
    CARRIED_ERROR,
    /** Scores are given in steps; {@code amount} is the step (0.5). */
    @JsonProperty("granularity")
    GRANULARITY
}
