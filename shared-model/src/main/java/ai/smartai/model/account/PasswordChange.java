package ai.smartai.model.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A user's own password change; it ends every other session of theirs. */
public record PasswordChange(
        @NotBlank String current,
        @NotBlank @Size(min = 10, max = 200, message = "must be at least 10 characters") String password) {
}
