package ai.smartai.backend.ingest.text;

/** A document whose text cannot be read; the message names the file and says why. */
public class UnreadableDocumentException extends Exception {

    public UnreadableDocumentException(String message) {
        super(message);
    }

    public UnreadableDocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
