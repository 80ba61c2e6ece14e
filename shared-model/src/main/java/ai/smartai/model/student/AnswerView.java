package ai.smartai.model.student;

import java.util.List;

public record AnswerView(String problemId, String text, List<String> flags) {
}
