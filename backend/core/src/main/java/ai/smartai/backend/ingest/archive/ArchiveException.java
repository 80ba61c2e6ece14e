package ai.smartai.backend.ingest.archive;

/** An archive that cannot be read as a whole; the message names the file and the problem. */
public class ArchiveException extends Exception {

    private final String code;

    public ArchiveException(String code, String message) {
        super(message);
        this.code = code;
    }

    public ArchiveException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** e.g. archive_encrypted, archive_corrupt, archive_too_large. */
    public String code() {
        return code;
    }
}
