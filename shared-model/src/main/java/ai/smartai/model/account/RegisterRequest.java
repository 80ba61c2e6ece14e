package ai.smartai.model.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record RegisterRequest(
        @NotBlank @Size(min = 3, max = 64) @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "may contain only letters, digits and . _ @ -") String username,
        @NotBlank @Size(min = 10, max = 200, message = "must be at least 10 characters") String password,
        @Size(max = 100) String displayName) {
}
