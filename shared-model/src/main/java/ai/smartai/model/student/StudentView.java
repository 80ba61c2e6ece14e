package ai.smartai.model.student;

import java.util.List;

import ai.smartai.model.common.Message;

/**
 * {@code id} is the student's own id (e.g. a matriculation number), unique within a task. {@code unmatchedText} is
 * what the answer sheet said outside any answer the parser could place (kept, never dropped). {@code sourceFile} is
 * the file that is graded; {@code otherSubmissions} are the student's other files (an earlier version, the same work
 * in another format), kept and shown but not graded; a flag on the student says so. {@code flagCodes} are
 * {@code flags} as catalogue messages, one for each, for a page in the reader's language (a flag without details, or
 * one the server has no code for, is a plain text message; null from a server before codes).
 */
public record StudentView(
        String id,
        String name,
        String sourceFile,
        IdentifiedBy identifiedBy,
        List<String> flags,
        List<AnswerView> answers,
        String unmatchedText,
        List<OtherSubmission> otherSubmissions,
        List<Message> flagCodes) {

    public StudentView(String id, String name, String sourceFile, IdentifiedBy identifiedBy, List<String> flags,
            List<AnswerView> answers, String unmatchedText, List<OtherSubmission> otherSubmissions) {
        this(id, name, sourceFile, identifiedBy, flags, answers, unmatchedText, otherSubmissions, null);
    }

    /** The flags as messages: their codes when the server sent them, else their texts. */
    public List<Message> flagTexts() {
        return Message.orTexts(flagCodes, flags);
    }

    /** Another file of the same student, with what it answered. */
    public record OtherSubmission(String sourceFile, List<String> flags, List<AnswerView> answers,
            String unmatchedText) {
    }
}
