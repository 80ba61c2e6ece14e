package ai.smartai.backend.grading;

import java.util.List;

import ai.smartai.model.problem.KeyPolicy;
import ai.smartai.model.problem.ProblemType;
import ai.smartai.model.problem.RubricItem;
import ai.smartai.model.problem.TestCase;

/** Everything a grader may look at for one answer: the problem as the teacher set it, and the student's text. */
public record GradingInput(
        String problemId,
        ProblemType type,
        String stem,
        List<RubricItem> rubric,
        double maxScore,
        String referenceAnswer,
        List<String> choices,
        List<String> correctChoices,
        List<TestCase> testCases,
        String language,
        String answer,
        List<KeyPolicy> policies) {

    public GradingInput {
        policies = policies == null ? List.of() : List.copyOf(policies);
    }

    /** An input whose key states no policies. */
    public GradingInput(String problemId, ProblemType type, String stem, List<RubricItem> rubric, double maxScore,
            String referenceAnswer, List<String> choices, List<String> correctChoices, List<TestCase> testCases,
            String language, String answer) {
        this(problemId, type, stem, rubric, maxScore, referenceAnswer, choices, correctChoices, testCases, language,
                answer, List.of());
    }

    public boolean chinese() {
        return "zh".equals(language);
    }

    public boolean hasReference() {
        return referenceAnswer != null && !referenceAnswer.isBlank();
    }

    public GradingInput withAnswer(String text) {
        return new GradingInput(problemId, type, stem, rubric, maxScore, referenceAnswer, choices, correctChoices,
                testCases, language, text, policies);
    }

    /** Picks the comment in the problem's language. */
    public String say(String zh, String en) {
        return chinese() ? zh : en;
    }
}
