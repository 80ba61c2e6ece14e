package ai.smartai.model.common;

/**
 * Every error the API returns: a stable machine code and one sentence that names the file or field and the problem.
 * {@code messageCode} is that sentence as a catalogue message, for a page in the reader's language (null where the
 * server has no code for it: the message is then all there is).
 */
public record ErrorBody(String error, String message, Message messageCode) {

    public ErrorBody(String error, String message) {
        this(error, message, null);
    }

    public ErrorBody(String error, Message message) {
        this(error, message.english(), message);
    }

    /** The message as a catalogue message: its code when it has one, else its text. */
    public Message text() {
        return messageCode != null ? messageCode : Message.text(message);
    }
}
