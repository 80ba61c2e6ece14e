package ai.smartai.model.grade;

import jakarta.validation.Valid;

/** Omit scope to grade everything; {@code force} regrades answers that already have a grade. */
public record GradingRequest(@Valid GradingScope scope, Boolean force) {
}
