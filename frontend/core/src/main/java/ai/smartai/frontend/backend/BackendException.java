package ai.smartai.frontend.backend;

/** The backend answered with an error, or could not be reached; carries the contract's code and message. */
public class BackendException extends RuntimeException {

    private final int status;
    private final String code;

    public BackendException(int status, String code, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public boolean isUnauthorized() {
        return status == 401;
    }
}
