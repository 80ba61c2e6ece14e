package ai.smartai.model.student;

import java.util.List;

/**
 * {@code id} is the student's own id (e.g. a matriculation number), unique within a task. {@code unmatchedText} is
 * what the answer sheet said outside any answer the parser could place (kept, never dropped). {@code sourceFile} is
 * the file that is graded; {@code otherSubmissions} are the student's other files (an earlier version, the same work
 * in another format), kept and shown but not graded; a flag on the student says so.
 */
public record StudentView(
        String id,
        String name,
        String sourceFile,
        IdentifiedBy identifiedBy,
        List<String> flags,
        List<AnswerView> answers,
        String unmatchedText,
        List<OtherSubmission> otherSubmissions) {

    /** Another file of the same student, with what it answered. */
    public record OtherSubmission(String sourceFile, List<String> flags, List<AnswerView> answers,
            String unmatchedText) {
    }
}
