package ai.smartai.backend.llm;

import java.time.Duration;

import dev.langchain4j.exception.HttpException;

/**
 * A provider call that got no usable HTTP answer: the status, the provider's own error message (never the body) and
 * any Retry-After, or one of the statuses below for a call that got no HTTP answer at all.
 */
public class WireException extends HttpException {

    /** No HTTP answer in time, or none at all: refused, reset, silent, TLS failure, not HTTP. */
    public static final int UNREACHABLE = -2;
    /** Not sent: the address is not one this server calls for providers. */
    public static final int REFUSED = -3;

    private final transient Duration retryAfter;

    public WireException(int status, String message, Duration retryAfter) {
        super(status, message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
