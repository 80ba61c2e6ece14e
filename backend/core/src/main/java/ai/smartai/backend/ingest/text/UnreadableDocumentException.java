package ai.smartai.backend.ingest.text;

import ai.smartai.model.common.Message;

/** A document whose text cannot be read; the message names the file and says why. */
public class UnreadableDocumentException extends Exception {

    private final transient Message text;

    public UnreadableDocumentException(Message message) {
        this(message, null);
    }

    public UnreadableDocumentException(Message message, Throwable cause) {
        super(message.english(), cause);
        this.text = message;
    }

    /** The message as a catalogue message, for the teacher's language. */
    public Message text() {
        return text;
    }
}
