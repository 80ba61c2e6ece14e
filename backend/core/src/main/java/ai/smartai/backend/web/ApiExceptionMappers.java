package ai.smartai.backend.web;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import ai.smartai.model.common.ErrorBody;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become the contract's {@code {"error", "message"}} JSON, whatever the client accepts:
 * the teacher UI draws its own error pages from these bodies.
 */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);
    private static final String FIELD_FIRST = "{0}: ";
    /** Fields a refusal names in the reader's language. */
    private static final List<MessageCode> FIELDS = Arrays.stream(MessageCode.values())
            .filter(c -> c.name().startsWith("FIELD_")).toList();
    /** A refusal's text after its field, by the words of each: a request record's own message is found here too. */
    private static final Map<String, MessageCode> REFUSALS = Arrays.stream(MessageCode.values())
            .filter(c -> c.name().startsWith("V_") && c.text("en").startsWith(FIELD_FIRST))
            .collect(Collectors.toMap(c -> c.text("en").substring(FIELD_FIRST.length()), c -> c, (a, b) -> a));

    @ServerExceptionMapper
    public Response api(ApiException e) {
        Response r = respond(e.status(), e.code(), e.text());
        if (e.retryAfter() == null) {
            return r;
        }
        long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
        return Response.fromResponse(r).header(HttpHeaders.RETRY_AFTER, seconds).build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response violation(ResteasyReactiveViolationException e, UriInfo uri) {
        return violation((ConstraintViolationException) e, uri);
    }

    @ServerExceptionMapper
    public Response violation(ConstraintViolationException e, UriInfo uri) {
        boolean ourBug = e.getConstraintViolations().stream()
                .anyMatch(v -> StreamSupport.stream(v.getPropertyPath().spliterator(), false)
                        .anyMatch(n -> n.getKind() == ElementKind.RETURN_VALUE));
        if (ourBug) {
            return internal(e, uri);
        }
        return respond(400, "validation_failed", describe(e));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return respond(400, "invalid_json", "The request body is not valid JSON for this endpoint" + where + ": "
                + e.getOriginalMessage().lines().findFirst().orElse(""));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return respond(401, "unauthorized", Message.of(MessageCode.ERR_LOG_IN));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return respond(401, "unauthorized", Message.of(MessageCode.ERR_TOKEN));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(403, "forbidden", Message.of(MessageCode.ERR_FORBIDDEN));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json);
        }
        if (status >= 500) {
            return internal(e, uri);
        }
        String code = switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            default -> "http_" + status;
        };
        Message message = switch (status) {
            case 404 -> Message.of(MessageCode.ERR_NOTHING_AT, uri.getPath());
            case 405 -> Message.of(MessageCode.ERR_METHOD_NOT_ALLOWED, uri.getPath());
            case 415 -> Message.of(MessageCode.ERR_MEDIA_TYPE, uri.getPath());
            default -> Message.text(e.getMessage());
        };
        return respond(status, code, message);
    }

    @ServerExceptionMapper
    public Response internal(Throwable e, UriInfo uri) {
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "Unexpected error %s on %s", incident, uri.getPath());
        return respond(500, "internal_error", Message.of(MessageCode.ERR_INTERNAL, incident));
    }

    /**
     * What was refused, in the contract's words ("name: must not be blank; rpm: must be greater than 0"). A single
     * refusal of a constraint the catalogue knows goes out coded, so a page shows it in the teacher's language; its
     * English is checked against the validator's own, so the message field reads as before.
     */
    private static Message describe(ConstraintViolationException e) {
        List<ConstraintViolation<?>> all = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString())).toList();
        String text = all.stream().map(v -> field(v) + ": " + v.getMessage()).collect(Collectors.joining("; "));
        if (all.size() == 1) {
            Message coded = coded(all.get(0));
            if (coded != null && coded.english().equals(text)) {
                return coded;
            }
        }
        return Message.text(text);
    }

    private static String field(ConstraintViolation<?> v) {
        // Paths look like "create.body.name": the last node is the field the client sent.
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        String field = parts.length >= 3 ? String.join(".", Arrays.copyOfRange(parts, 2, parts.length))
                : parts[parts.length - 1];
        return field.isEmpty() || field.equals("body") ? "request body" : field;
    }

    /** The violation as a catalogue message, or null when the catalogue does not hold its constraint. */
    private static Message coded(ConstraintViolation<?> v) {
        String field = field(v);
        Object name = FIELDS.stream().filter(f -> f.text("en").equals(field)).findFirst().<Object>map(f -> f)
                .orElse(field);
        Map<String, Object> a = v.getConstraintDescriptor().getAttributes();
        MessageCode own = REFUSALS.get(v.getMessageTemplate());
        if (own != null) {
            return Message.of(own, name);
        }
        return switch (v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()) {
            case "NotBlank" -> Message.of(MessageCode.V_NOT_BLANK, name);
            case "NotNull" -> Message.of(MessageCode.V_NOT_NULL, name);
            case "Size" -> Message.of(MessageCode.V_SIZE, name, a.get("min"), a.get("max"));
            case "Min", "DecimalMin" -> Message.of(MessageCode.V_AT_LEAST, name, a.get("value"));
            case "Max", "DecimalMax" -> Message.of(MessageCode.V_AT_MOST, name, a.get("value"));
            case "Positive" -> Message.of(MessageCode.V_POSITIVE, name);
            case "PositiveOrZero" -> Message.of(MessageCode.V_POSITIVE_OR_ZERO, name);
            case "Pattern" -> Message.of(MessageCode.V_PATTERN, name, a.get("regexp"));
            case "Future" -> Message.of(MessageCode.V_FUTURE, name);
            default -> null;
        };
    }

    private static Response respond(int status, String code, String message) {
        return respond(status, code, Message.text(message));
    }

    /** A message without a code (words no catalogue holds) goes out as the contract's two fields alone. */
    private static Response respond(int status, String code, Message message) {
        ErrorBody body = MessageCode.TEXT.code().equals(message.code()) ? new ErrorBody(code, message.english())
                : new ErrorBody(code, message);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
