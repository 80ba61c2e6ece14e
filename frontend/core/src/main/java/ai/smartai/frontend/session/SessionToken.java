package ai.smartai.frontend.session;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

/**
 * The bearer token of this page request, when the page is {@link SignedIn}. Only signed-in pages set it, so the
 * login and sign-up forms reach the backend as nobody, whatever session cookie the browser still holds.
 */
@RequestScoped
public class SessionToken {

    private String token;

    void set(String token) {
        this.token = token;
    }

    public Optional<String> get() {
        return Optional.ofNullable(token);
    }
}
