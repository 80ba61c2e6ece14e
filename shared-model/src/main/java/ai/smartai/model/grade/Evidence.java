package ai.smartai.model.grade;

import java.util.List;

import ai.smartai.model.common.Message;

/**
 * What a tool checked and what it found: {@code kind} e.g. "cas-result", "test-cases", "key-points". {@code summary}
 * is the English text; {@code code} and {@code args} the same as a {@link Message} for a page in the reader's language
 * (null in evidence stored before codes, or written by a model: the summary is then all there is). {@code detail} is
 * the tool's breakdown, one line per item; {@code detailCodes} the same lines as messages (null when the detail is
 * words the server did not write, such as a program's output, or stored before codes).
 */
public record Evidence(String kind, String summary, String detail, String code, List<String> args,
        List<Message> detailCodes) {

    /** Evidence in words no catalogue holds (a model's, or stored before codes). */
    public Evidence(String kind, String summary, String detail) {
        this(kind, summary, detail, null, null, null);
    }

    /** A coded summary; the detail, if any, is words the server did not write (a program's output, an answer). */
    public Evidence(String kind, Message summary, String detail) {
        this(kind, summary.english(), detail, summary.code(), summary.args(), null);
    }

    /** A coded summary and a breakdown of coded lines (none: no detail). */
    public static Evidence itemised(String kind, Message summary, List<Message> lines) {
        return new Evidence(kind, summary.english(), lines.isEmpty() ? null
                : String.join("\n", lines.stream().map(Message::english).toList()), summary.code(), summary.args(),
                lines.isEmpty() ? null : List.copyOf(lines));
    }

    /** The summary as a message: its code when it has one, else its text. */
    public Message message() {
        return code == null ? Message.text(summary) : new Message(code, args);
    }

    /** The detail's lines as messages (its codes, or its text as one), or none. */
    public List<Message> detailLines() {
        if (detailCodes != null) {
            return detailCodes;
        }
        return detail == null || detail.isBlank() ? List.of() : List.of(Message.text(detail));
    }
}
