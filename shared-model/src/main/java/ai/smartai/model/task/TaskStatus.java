package ai.smartai.model.task;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum TaskStatus {
    /** Created; problems or submissions still missing. */
    @JsonProperty("draft")
    DRAFT,
    /** Problems and submissions present; nothing graded yet or grades are stale. */
    @JsonProperty("ready")
    READY,
    @JsonProperty("grading")
    GRADING,
    @JsonProperty("graded")
    GRADED
}
