package ai.smartai.model.student;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record AnswerUpdate(@NotNull @Size(max = 200_000) String text) {
}
