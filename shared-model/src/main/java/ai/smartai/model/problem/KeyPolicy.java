package ai.smartai.model.problem;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A grading rule the answer key states for a problem, kept typed so that graders can apply it: its kind, the
 * teacher's words, a number when the rule states one (a tolerance, a step), and the terms it names (forbidden calls).
 */
public record KeyPolicy(@NotNull PolicyKind kind, @NotBlank @Size(max = 2000) String rule, Double amount,
        @Size(max = 20) List<@Size(max = 100) String> terms) {

    /** The kinds of problem a {@link PolicyKind#RESULT_ONLY} rule names in {@code terms}. */
    public static final String FILL_IN = "fill-in";
    public static final String CHOICE = "choice";

    public KeyPolicy {
        terms = terms == null ? List.of() : List.copyOf(terms);
    }
}
