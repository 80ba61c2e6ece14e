package ai.smartai.frontend.pages;

import java.net.URI;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import ai.smartai.frontend.i18n.Msg;

/**
 * A page's form over the server's size limits ({@code quarkus.http.limits.max-form-attribute-size}) is refused while
 * its body is parsed, with a 413 before any page code runs, so the form cannot be drawn again with its input. Instead
 * of a bare "413" (or the API's JSON error) the browser gets a page that says what happened and that its Back button
 * still holds what was typed. The page classes with long text fields map the exception here.
 */
final class TooLarge {

    private TooLarge() {
    }

    static Response page(WebApplicationException e, HttpHeaders headers, Msg msg) {
        if (e.getResponse().getStatus() != 413) {
            return e.getResponse();
        }
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>413 · SmarTAI</title><link rel=\"stylesheet\" href=\"/static/smartai.css\"></head><body>"
                + "<main class=\"page\"><section class=\"card\" id=\"too-large\"><h1>" + msg.tooLargeTitle()
                + "</h1><p>"
                + msg.tooLargeHint() + "</p><p><a class=\"button\" href=\"" + back(headers) + "\">" + msg.back()
                + "</a></p></section></main></body></html>";
        return Response.status(413).type("text/html; charset=UTF-8").entity(html).build();
    }

    /** The page the form came from, when the browser says so and it is on this server. */
    private static String back(HttpHeaders headers) {
        String referer = headers.getHeaderString("Referer");
        if (referer == null) {
            return "/";
        }
        try {
            URI uri = URI.create(referer);
            String path = uri.getRawPath();
            boolean here = uri.getAuthority() == null || uri.getAuthority().equals(headers.getHeaderString("Host"));
            return here && path != null && path.startsWith("/") ? path.replace("\"", "%22").replace("<", "%3C") : "/";
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
