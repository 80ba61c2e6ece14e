package ai.smartai.frontend.i18n;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import ai.smartai.frontend.session.Session;

/** The 中文 / English switch: remembers the choice for a year and goes back to the page it came from. */
@Path("/")
@PermitAll
public class LanguagePages {

    @GET
    @Path("lang/{tag}")
    public Response choose(@PathParam("tag") String tag, @HeaderParam("Referer") String referer) {
        if (!"zh".equals(tag) && !"en".equals(tag)) {
            return Response.status(404).build();
        }
        NewCookie cookie = new NewCookie.Builder(Lang.COOKIE).value(tag).path("/").maxAge(365 * 24 * 3600)
                .sameSite(NewCookie.SameSite.LAX).httpOnly(true).build();
        return Session.redirect(back(referer), cookie);
    }

    /** Only a path on this site: an open redirect through the language switch would help phishing. */
    static String back(String referer) {
        if (referer == null) {
            return "/";
        }
        try {
            URI uri = URI.create(referer);
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/lang/")) {
                return "/";
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
