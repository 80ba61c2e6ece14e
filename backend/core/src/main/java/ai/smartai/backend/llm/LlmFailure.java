package ai.smartai.backend.llm;

import java.time.Duration;

import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;

/**
 * A provider call that failed for good (after retries, or at once for a refused key). {@code kind} is auth,
 * rate-limit, busy, unreachable, refused, server, bad-request or malformed; the message holds the provider's own error
 * message at most, never its body and never the key.
 */
public class LlmFailure extends RuntimeException {

    private final String kind;
    private final transient Message text;

    public LlmFailure(String kind, String message) {
        this(kind, Message.text(message));
    }

    public LlmFailure(String kind, Message text) {
        super(text.english(), null, false, false);
        this.kind = kind;
        this.text = text;
    }

    /**
     * No HTTP answer: the same words whether the port is closed, silent or speaks another protocol, so a teacher
     * cannot use provider tests to map the server's network.
     */
    public static LlmFailure unreachable(String displayName, Duration timeout) {
        return new LlmFailure("unreachable", Message.of(MessageCode.LLM_UNREACHABLE, displayName,
                Math.max(1, timeout.toSeconds())));
    }

    public String kind() {
        return kind;
    }

    /** The message as a catalogue message (a plain text one where it holds the provider's own words). */
    public Message text() {
        return text;
    }
}
