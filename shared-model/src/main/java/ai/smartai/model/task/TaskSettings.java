package ai.smartai.model.task;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/**
 * Per-task settings. {@code passThreshold} is the fraction of the maximum score that passes (default 0.6).
 */
public record TaskSettings(@DecimalMin("0.0") @DecimalMax("1.0") Double passThreshold) {

    public static final double DEFAULT_PASS_THRESHOLD = 0.6;

    public static TaskSettings defaults() {
        return new TaskSettings(DEFAULT_PASS_THRESHOLD);
    }
}
