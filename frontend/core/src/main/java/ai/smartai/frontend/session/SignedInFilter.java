package ai.smartai.frontend.session;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * One place for "no session": a browser gets sent to the login page; an image or JSON fetch, which cannot follow
 * that usefully, gets 401. With a session, the page's backend calls carry its token ({@link SessionHeaders}). An
 * expired token still reaches the page and comes back from the backend as 401.
 */
@Provider
@SignedIn
public class SignedInFilter implements ContainerRequestFilter {

    @Inject
    SessionToken session;

    @Override
    public void filter(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(Session.COOKIE);
        if (cookie != null && !cookie.getValue().isBlank()) {
            session.set(cookie.getValue());
            return;
        }
        String path = request.getUriInfo().getPath();
        request.abortWith(path.endsWith(".png") || path.endsWith(".json")
                ? Response.status(Response.Status.UNAUTHORIZED).build()
                : Session.redirect("/login"));
    }
}
