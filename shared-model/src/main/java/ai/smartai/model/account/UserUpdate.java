package ai.smartai.model.account;

import jakarta.validation.constraints.Size;

/** An administrator's change to an account: disable or enable it, or set a new password. Null fields stay. */
public record UserUpdate(
        Boolean disabled,
        @Size(min = 10, max = 200, message = "must be at least 10 characters") String password) {
}
