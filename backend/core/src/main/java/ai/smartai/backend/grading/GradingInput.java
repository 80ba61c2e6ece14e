package ai.smartai.backend.grading;

import java.util.List;

import ai.smartai.model.problem.KeyPolicy;
import ai.smartai.model.problem.ProblemType;
import ai.smartai.model.problem.RubricItem;
import ai.smartai.model.problem.TestCase;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Everything a grader may look at for one answer: the problem as the teacher set it, and the student's text.
 * {@code language} is the problem's (it decides how texts are compared); {@code commentLanguage} the task's setting for
 * the comments to students, null to write them in the problem's language. Left out of the input's hash when null, so
 * that inputs without it hash as before.
 */
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
        List<KeyPolicy> policies,
        @JsonInclude(JsonInclude.Include.NON_NULL) String commentLanguage) {

    public GradingInput {
        policies = policies == null ? List.of() : List.copyOf(policies);
    }

    public GradingInput(String problemId, ProblemType type, String stem, List<RubricItem> rubric, double maxScore,
            String referenceAnswer, List<String> choices, List<String> correctChoices, List<TestCase> testCases,
            String language, String answer, List<KeyPolicy> policies) {
        this(problemId, type, stem, rubric, maxScore, referenceAnswer, choices, correctChoices, testCases, language,
                answer, policies, null);
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
                testCases, language, text, policies, commentLanguage);
    }

    public GradingInput withRubric(List<RubricItem> items) {
        return new GradingInput(problemId, type, stem, items, maxScore, referenceAnswer, choices, correctChoices,
                testCases, language, answer, policies, commentLanguage);
    }

    /** Whether comments to the student are written in Chinese: the task's setting, else the problem's language. */
    public boolean commentsInChinese() {
        return commentLanguage == null ? chinese() : "zh".equals(commentLanguage);
    }

    /** Picks the comment in the comments' language. */
    public String say(String zh, String en) {
        return commentsInChinese() ? zh : en;
    }
}
