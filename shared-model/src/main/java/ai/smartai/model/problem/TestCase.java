package ai.smartai.model.problem;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A program test: {@code input} is call arguments (for a function) or stdin; {@code expected} the result or stdout;
 * {@code points} what passing it earns when the key gives each test its own points ("# T3（3 分）"), else null.
 */
public record TestCase(@NotNull @Size(max = 100_000) String input, @NotNull @Size(max = 100_000) String expected,
        @PositiveOrZero Double points) {

    public TestCase(String input, String expected) {
        this(input, expected, null);
    }
}
