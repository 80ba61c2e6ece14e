package ai.smartai.backend.llm;

import java.time.Duration;

/**
 * A provider call that failed for good (after retries, or at once for a refused key). {@code kind} is auth,
 * rate-limit, busy, unreachable, refused, server, bad-request or malformed; the message holds the provider's own error
 * message at most, never its body and never the key.
 */
public class LlmFailure extends RuntimeException {

    private final String kind;

    public LlmFailure(String kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    /**
     * No HTTP answer: the same words whether the port is closed, silent or speaks another protocol, so a teacher
     * cannot use provider tests to map the server's network.
     */
    public static LlmFailure unreachable(String displayName, Duration timeout) {
        return new LlmFailure("unreachable", displayName + ": could not reach the provider (no HTTP answer within "
                + Math.max(1, timeout.toSeconds()) + " s)");
    }

    public String kind() {
        return kind;
    }
}
