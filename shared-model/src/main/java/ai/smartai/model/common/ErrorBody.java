package ai.smartai.model.common;

/**
 * Every error the API returns: a stable machine code and one sentence that names the file or field and the problem.
 */
public record ErrorBody(String error, String message) {
}
