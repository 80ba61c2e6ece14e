package ai.smartai.backend.llm;

import java.time.Duration;

import dev.langchain4j.exception.HttpException;

/** A provider's HTTP answer that was not 2xx, with what a retry needs: the status and any Retry-After. */
public class WireException extends HttpException {

    /** Status for a request that got no answer in time. */
    public static final int TIMEOUT = -1;
    /** Status for a provider that could not be reached at all. */
    public static final int UNREACHABLE = -2;

    private final transient Duration retryAfter;

    public WireException(int status, String message, Duration retryAfter) {
        super(status, message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
