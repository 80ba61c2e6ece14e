package ai.smartai.model.problem;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * One line of a rubric. {@code aspect} tells the graders which part it scores:
 * method, derivation, result, functionality, complexity, edge-cases, style, claim, or other.
 */
public record RubricItem(@NotBlank @Size(max = 2000) String description, @PositiveOrZero double points,
        @Size(max = 40) String aspect) {
}
