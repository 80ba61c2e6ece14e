package ai.smartai.model.grade;

import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** A teacher's score and comment, kept beside the machine grade. */
public record OverrideRequest(@PositiveOrZero Double score, @Size(max = 20_000) String comment) {
}
