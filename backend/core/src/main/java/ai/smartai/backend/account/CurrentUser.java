package ai.smartai.backend.account;

import java.util.Optional;

import ai.smartai.model.account.Role;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/** Who is calling, as read from the security identity our token provider built. */
public record CurrentUser(String id, String username, Role role) {

    static final String ATTRIBUTE = "smartai.user";
    static final String TOKEN_ATTRIBUTE = "smartai.token";

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** The bearer token of the request, to check later that its session still lasts. */
    public static String token(SecurityIdentity identity) {
        return identity.getAttribute(TOKEN_ATTRIBUTE);
    }

    public static Optional<CurrentUser> of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        return Optional.ofNullable(identity.getAttribute(ATTRIBUTE));
    }

    public static CurrentUser require(SecurityIdentity identity) {
        return of(identity).orElseThrow(UnauthorizedException::new);
    }
}
