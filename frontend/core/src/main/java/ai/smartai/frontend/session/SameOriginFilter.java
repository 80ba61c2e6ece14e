package ai.smartai.frontend.session;

import java.net.URI;
import java.util.Locale;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Cross-site request forgery: a page's form may only be posted from this site. Browsers say where a request comes
 * from (Sec-Fetch-Site, Origin, Referer); a state-changing page request that a browser marks as coming from another
 * site is refused. Together with the SameSite=Lax session cookie this covers every form. The API is not affected: it
 * takes bearer tokens, which a foreign page cannot send.
 */
@Provider
@PreMatching
public class SameOriginFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")
                || request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        String site = request.getHeaderString("Sec-Fetch-Site");
        if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
            refuse(request);
            return;
        }
        String from = request.getHeaderString("Origin");
        if (from == null || from.equals("null")) {
            from = request.getHeaderString("Referer");
        }
        if (from != null && !sameHost(from, request)) {
            refuse(request);
        }
    }

    /** The origin's host and port against the Host the browser used (or the one a proxy forwarded). */
    static boolean sameHost(String origin, ContainerRequestContext request) {
        String host = request.getHeaderString("X-Forwarded-Host");
        if (host == null) {
            host = request.getHeaderString("Host");
        }
        if (host == null) {
            return false;
        }
        try {
            URI o = URI.create(origin.strip());
            if (o.getHost() == null) {
                return false;
            }
            String authority = o.getPort() < 0 ? o.getHost() : o.getHost() + ":" + o.getPort();
            String expected = host.split(",")[0].strip().toLowerCase(Locale.ROOT);
            String given = authority.toLowerCase(Locale.ROOT);
            return given.equals(expected) || given.equals(stripDefaultPort(expected, o.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String stripDefaultPort(String host, String scheme) {
        return ("https".equals(scheme) && host.endsWith(":443")) || ("http".equals(scheme) && host.endsWith(":80"))
                ? host.substring(0, host.lastIndexOf(':')) : host;
    }

    private static void refuse(ContainerRequestContext request) {
        request.abortWith(Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_PLAIN_TYPE)
                .entity("This form was sent from another site, so it was refused. Open SmarTAI and try again.")
                .build());
    }
}
