package ai.smartai.backend.web;

/**
 * A failure the client can act on. It becomes {@code {"error": code, "message": message}} with the given status.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;

    public ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static ApiException notFound(String what, String id) {
        return new ApiException(404, "not_found", what + " '" + id + "' does not exist.");
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(409, code, message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
