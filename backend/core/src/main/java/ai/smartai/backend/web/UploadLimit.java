package ai.smartai.backend.web;

import java.util.Locale;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import ai.smartai.backend.config.SmartaiConfig;
import ai.smartai.model.common.ErrorBody;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses an API request whose declared size is over the upload limit before its body is read, with a 413 that says
 * the size and the limit. The HTTP layer's own cap sits a little higher and catches bodies sent without a length.
 */
public class UploadLimit {

    // A provider: pre-matching filters are built before config mappings can be injected.
    @Inject
    Provider<SmartaiConfig> config;

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> check(ContainerRequestContext request) {
        long limit = config.get().uploadLimit().asLongValue();
        long length;
        try {
            String declared = request.getHeaderString("Content-Length");
            length = declared == null ? -1 : Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length > limit && request.getUriInfo().getPath().startsWith("/api/")) {
            return Optional.of(Response.status(413).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorBody("payload_too_large", Message.of(MessageCode.ERR_UPLOAD_TOO_LARGE, mb(length),
                            mb(limit))))
                    .build());
        }
        return Optional.empty();
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }
}
