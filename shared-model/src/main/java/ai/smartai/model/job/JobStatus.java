package ai.smartai.model.job;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum JobStatus {
    @JsonProperty("queued")
    QUEUED,
    @JsonProperty("running")
    RUNNING,
    @JsonProperty("paused")
    PAUSED,
    @JsonProperty("succeeded")
    SUCCEEDED,
    @JsonProperty("failed")
    FAILED,
    @JsonProperty("cancelled")
    CANCELLED;

    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
