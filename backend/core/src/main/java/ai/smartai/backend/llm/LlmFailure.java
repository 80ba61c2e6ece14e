package ai.smartai.backend.llm;

/**
 * A provider call that failed for good (after retries, or at once for a refused key). {@code kind} is auth,
 * rate-limit, timeout, unreachable, server, bad-request or malformed; the message is the provider's own words and
 * never holds the key.
 */
public class LlmFailure extends RuntimeException {

    private final String kind;

    public LlmFailure(String kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }
}
