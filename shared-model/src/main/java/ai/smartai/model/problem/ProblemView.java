package ai.smartai.model.problem;

import java.util.List;

public record ProblemView(
        String id,
        String number,
        ProblemType type,
        String typeReason,
        String stem,
        List<RubricItem> rubric,
        double maxScore,
        String referenceAnswer,
        List<String> choices,
        List<String> correctChoices,
        List<TestCase> testCases,
        String language,
        List<KeyPolicy> policies) {
}
