package ai.smartai.model.task;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Shares a task with another account by its username. */
public record MemberAdd(@NotBlank @Size(max = 64) String username) {
}
