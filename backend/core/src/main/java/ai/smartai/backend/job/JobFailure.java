package ai.smartai.backend.job;

/** Ends a job as failed with a message for the teacher (naming the file and the problem). */
public class JobFailure extends RuntimeException {

    public JobFailure(String message) {
        super(message);
    }

    public JobFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
