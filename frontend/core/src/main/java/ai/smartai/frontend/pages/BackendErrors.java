package ai.smartai.frontend.pages;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import ai.smartai.frontend.backend.BackendException;
import ai.smartai.frontend.session.Session;
import ai.smartai.model.common.Message;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A backend failure seen from a page: a refused form shows again with the message, an expired session goes back to
 * login, anything else shows its message on the error page.
 */
public class BackendErrors {

    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(ErrorPage page);
    }

    /** {@code message} is rendered in the page's language. */
    public record ErrorPage(int status, Message message) {
    }

    @ServerExceptionMapper
    public Response formRefused(FormFailure e) {
        return Response.status(e.status()).type(HTML).entity(e.page()).build();
    }

    @ServerExceptionMapper
    public Response backendFailed(BackendException e, HttpHeaders headers, UriInfo uri) {
        if (e.isUnauthorized()) {
            return Session.redirect("/login", Session.close(headers, uri));
        }
        int status = e.status() == 404 ? 404 : e.status() >= 500 ? 502 : e.status();
        return Response.status(status).type(HTML).entity(Templates.error(new ErrorPage(status, e.text())))
                .build();
    }
}
