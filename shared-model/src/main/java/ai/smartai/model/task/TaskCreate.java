package ai.smartai.model.task;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record TaskCreate(@NotBlank @Size(max = 200) String name) {
}
