package ai.smartai.backend.web;

import java.time.Duration;

import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;

/**
 * A failure the client can act on. It becomes {@code {"error": code, "message": message}} with the given status, and
 * a {@code Retry-After} header when the client should come back later. A message from the catalogue also goes out as
 * {@code messageCode}, so a page shows it in the reader's language.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final Duration retryAfter;
    private final transient Message text;

    public ApiException(int status, String code, Message message) {
        this(status, code, message, null);
    }

    public ApiException(int status, String code, Message message, Duration retryAfter) {
        super(message.english());
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
        this.text = message;
    }

    /** {@code what} names the kind of thing: {@link MessageCode#THING_TASK} and its neighbours. */
    public static ApiException notFound(MessageCode what, String id) {
        return new ApiException(404, "not_found", Message.of(MessageCode.ERR_NOT_FOUND, what, id));
    }

    public static ApiException badRequest(String code, Message message) {
        return new ApiException(400, code, message);
    }

    public static ApiException conflict(String code, Message message) {
        return new ApiException(409, code, message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The message as a catalogue message (a plain text one where the thrower wrote words of its own). */
    public Message text() {
        return text;
    }

    /** When to try again, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
