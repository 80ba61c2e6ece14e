package ai.smartai.model.grade;

import java.util.List;

import ai.smartai.model.common.Message;

/**
 * What a tool checked and what it found: {@code kind} e.g. "cas-result", "test-cases", "key-points". {@code summary}
 * is the English text; {@code code} and {@code args} the same as a {@link Message} for a page in the reader's language
 * (null in evidence stored before codes, or written by a model: the summary is then all there is).
 */
public record Evidence(String kind, String summary, String detail, String code, List<String> args) {

    /** Evidence in words no catalogue holds (a model's, or stored before codes). */
    public Evidence(String kind, String summary, String detail) {
        this(kind, summary, detail, null, null);
    }

    public Evidence(String kind, Message summary, String detail) {
        this(kind, summary.english(), detail, summary.code(), summary.args());
    }

    /** The summary as a message: its code when it has one, else its text. */
    public Message message() {
        return code == null ? Message.text(summary) : new Message(code, args);
    }
}
