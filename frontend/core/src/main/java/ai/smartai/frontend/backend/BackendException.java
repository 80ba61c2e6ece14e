package ai.smartai.frontend.backend;

import ai.smartai.model.common.Message;

/**
 * The backend answered with an error, or could not be reached; carries the contract's code and message, the message
 * as a catalogue message so that a page shows it in the teacher's language.
 */
public class BackendException extends RuntimeException {

    private final int status;
    private final String code;
    private final transient Message text;

    public BackendException(int status, String code, Message text, Throwable cause) {
        super(text.english(), cause);
        this.status = status;
        this.code = code;
        this.text = text;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The message as a catalogue message: render it with {@code Lang.text}. */
    public Message text() {
        return text;
    }

    public boolean isUnauthorized() {
        return status == 401;
    }
}
