package ai.smartai.backend.job;

import ai.smartai.model.common.Message;

/**
 * Ends a job as failed with a message for the teacher (naming the file and the problem), as a catalogue message so
 * that a page shows it in the teacher's language.
 */
public class JobFailure extends RuntimeException {

    private final transient Message text;

    public JobFailure(Message text) {
        this(text, null);
    }

    public JobFailure(Message text, Throwable cause) {
        super(text.english(), cause);
        this.text = text;
    }

    public Message text() {
        return text;
    }
}
