package ai.smartai.model.grade;

import java.util.List;

public record GradingScope(List<String> studentIds, List<String> problemIds) {
}
