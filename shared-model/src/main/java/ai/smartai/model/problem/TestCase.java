package ai.smartai.model.problem;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A program test: {@code input} is call arguments (for a function) or stdin; {@code expected} the result or stdout. */
public record TestCase(@NotNull @Size(max = 100_000) String input, @NotNull @Size(max = 100_000) String expected) {
}
