package ai.smartai.backend.ingest.archive;

import ai.smartai.model.common.Message;

/** An archive that cannot be read as a whole; the message names the file and the problem. */
public class ArchiveException extends Exception {

    private final String code;
    private final transient Message text;

    public ArchiveException(String code, Message message) {
        this(code, message, null);
    }

    public ArchiveException(String code, Message message, Throwable cause) {
        super(message.english(), cause);
        this.code = code;
        this.text = message;
    }

    /** e.g. archive_encrypted, archive_corrupt, archive_too_large. */
    public String code() {
        return code;
    }

    /** The message as a catalogue message, for the teacher's language. */
    public Message text() {
        return text;
    }
}
