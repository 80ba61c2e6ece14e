package ai.smartai.frontend.session;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * Pages that need a session: without the cookie, {@link SignedInFilter} answers before the page runs; with it, the
 * page's backend calls carry its token. Pages without this act as nobody towards the backend.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface SignedIn {
}
