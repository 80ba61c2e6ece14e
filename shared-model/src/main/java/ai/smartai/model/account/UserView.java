package ai.smartai.model.account;

import java.time.Instant;

/** An account as an administrator sees it in the user list; never a password hash. */
public record UserView(
        String id,
        String username,
        String displayName,
        Role role,
        boolean disabled,
        Instant createdAt,
        Instant lastLoginAt) {
}
