package ai.smartai.model.student;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum IdentifiedBy {
    @JsonProperty("filename")
    FILENAME,
    @JsonProperty("content")
    CONTENT,
    @JsonProperty("manual")
    MANUAL
}
