package ai.smartai.model.account;

import jakarta.validation.constraints.Size;

/**
 * An administrator's change to an account: disable or enable it, set a new password, or change its role (e.g. make it
 * a teaching assistant). Null fields stay.
 */
public record UserUpdate(
        Boolean disabled,
        @Size(min = 10, max = 200, message = "must be at least 10 characters") String password,
        Role role) {

    public UserUpdate(Boolean disabled, String password) {
        this(disabled, password, null);
    }
}
