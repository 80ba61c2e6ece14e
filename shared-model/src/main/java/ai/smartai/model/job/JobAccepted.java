package ai.smartai.model.job;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The answer to an upload or a grading request. {@code unchanged} is true when the same bytes were already stored. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobAccepted(String jobId, Boolean unchanged) {
}
