package ai.smartai.frontend.session;

import java.time.Duration;
import java.time.Instant;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The browser session: an HttpOnly, SameSite=Lax cookie holding the backend bearer token, so the UI works the same
 * whether the backend is in this process or another.
 */
public final class Session {

    public static final String COOKIE = "smartai_session";

    private Session() {
    }

    public static NewCookie open(String token, Instant expiresAt, HttpHeaders headers, UriInfo uri) {
        long seconds = Math.max(60, Duration.between(Instant.now(), expiresAt).getSeconds());
        return cookie(token, (int) Math.min(Integer.MAX_VALUE, seconds), headers, uri);
    }

    public static NewCookie close(HttpHeaders headers, UriInfo uri) {
        return cookie("", 0, headers, uri);
    }

    /**
     * A 303 to a path on this site. The Location stays relative: an absolute one would be built from the request's
     * Host header, which the client chooses.
     */
    public static Response redirect(String path, NewCookie... cookies) {
        return Response.status(Response.Status.SEE_OTHER).header(HttpHeaders.LOCATION, path).cookie(cookies).build();
    }

    private static NewCookie cookie(String value, int maxAge, HttpHeaders headers, UriInfo uri) {
        return new NewCookie.Builder(COOKIE)
                .value(value)
                .path("/")
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX)
                .secure(isHttps(headers, uri))
                .maxAge(maxAge)
                .build();
    }

    /** Secure cookies when the browser talks HTTPS, including behind a TLS-terminating proxy. */
    private static boolean isHttps(HttpHeaders headers, UriInfo uri) {
        String forwarded = headers.getHeaderString("X-Forwarded-Proto");
        return "https".equalsIgnoreCase(uri.getRequestUri().getScheme()) || "https".equalsIgnoreCase(forwarded);
    }
}
