package ai.smartai.model.job;

import java.time.Instant;
import java.util.List;

import ai.smartai.model.common.Message;

/**
 * A background job. {@code warningCodes} and {@code errorCode} are {@code warnings} and {@code error} as catalogue
 * messages, for a page in the reader's language (a warning stored before codes reads as a plain text message).
 */
public record JobView(
        String id,
        String taskId,
        JobKind kind,
        JobStatus status,
        int done,
        int total,
        String current,
        List<String> warnings,
        String error,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        /** The uploaded file's name, for an upload. */
        String fileName,
        List<Message> warningCodes,
        Message errorCode,
        /** {@code current} as a catalogue message when the server wrote it (a unit's name is a plain text one). */
        Message currentCode) {

    public JobView(String id, String taskId, JobKind kind, JobStatus status, int done, int total, String current,
            List<String> warnings, String error, Instant createdAt, Instant startedAt, Instant finishedAt,
            String fileName, List<Message> warningCodes, Message errorCode) {
        this(id, taskId, kind, status, done, total, current, warnings, error, createdAt, startedAt, finishedAt,
                fileName, warningCodes, errorCode, null);
    }

    /** What the job is at, as a message: its code when the server sent one, else its text; null when none. */
    public Message currentText() {
        return currentCode != null ? currentCode : current == null ? null : Message.text(current);
    }

    /** The warnings as messages: their codes when the server sent them, else their texts. */
    public List<Message> warningTexts() {
        return Message.orTexts(warningCodes, warnings);
    }

    /** The error as a message, or null when the job did not fail. */
    public Message errorText() {
        return errorCode != null ? errorCode : error == null ? null : Message.text(error);
    }
}
