package ai.smartai.model.student;

import java.util.List;

/** {@code id} is the student's own id (e.g. a matriculation number), unique within a task. */
public record StudentView(
        String id,
        String name,
        String sourceFile,
        IdentifiedBy identifiedBy,
        List<String> flags,
        List<AnswerView> answers) {
}
