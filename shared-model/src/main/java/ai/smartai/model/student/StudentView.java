package ai.smartai.model.student;

import java.util.List;

/**
 * {@code id} is the student's own id (e.g. a matriculation number), unique within a task. {@code unmatchedText} is
 * what the answer sheet said outside any answer the parser could place (kept, never dropped).
 */
public record StudentView(
        String id,
        String name,
        String sourceFile,
        IdentifiedBy identifiedBy,
        List<String> flags,
        List<AnswerView> answers,
        String unmatchedText) {
}
