package ai.smartai.model.task;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Per-task settings. {@code passThreshold} is the fraction of the maximum score that passes (default 0.6).
 * {@code judgeProviderId} is the provider that merges the LLM panel's votes (default: the teacher's first enabled
 * provider); {@code llmSamples} asks each expert that many times, the spread being a sign of uncertainty (default 1).
 * {@code commentLanguage} is the language of every comment to the students ({@code zh}, {@code en}; {@code ""} in an
 * update, or null, for each problem's own language).
 */
public record TaskSettings(
        @DecimalMin("0.0") @DecimalMax("1.0") Double passThreshold,
        @Size(max = 32) String judgeProviderId,
        @Min(1) @Max(5) Integer llmSamples,
        @Pattern(regexp = "zh|en|") String commentLanguage) {

    public static final double DEFAULT_PASS_THRESHOLD = 0.6;

    public TaskSettings(Double passThreshold) {
        this(passThreshold, null, null, null);
    }

    public TaskSettings(Double passThreshold, String judgeProviderId, Integer llmSamples) {
        this(passThreshold, judgeProviderId, llmSamples, null);
    }

    public static TaskSettings defaults() {
        return new TaskSettings(DEFAULT_PASS_THRESHOLD, null, 1, null);
    }
}
