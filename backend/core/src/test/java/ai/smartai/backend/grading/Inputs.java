package ai.smartai.backend.grading;

import java.util.List;

import ai.smartai.backend.problem.DefaultRubrics;
import ai.smartai.model.problem.ProblemType;
import ai.smartai.model.problem.RubricItem;
import ai.smartai.model.problem.TestCase;

/** Grading inputs for unit tests. */
public final class Inputs {

    private Inputs() {
    }

    public static GradingInput of(ProblemType type, String stem, String reference, String answer) {
        return of(type, stem, reference, answer, 10, List.of(), List.of());
    }

    public static GradingInput of(ProblemType type, String stem, String reference, String answer, double max,
            List<String> correctChoices, List<TestCase> tests) {
        String lang = stem.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                ? "zh" : "en";
        List<RubricItem> rubric = DefaultRubrics.forType(type, max, lang);
        return new GradingInput("q1", type, stem, rubric, max, reference, List.of("A", "B", "C", "D"), correctChoices,
                tests, lang, answer);
    }

    public static GradingInput withRubric(GradingInput in, List<RubricItem> rubric) {
        return new GradingInput(in.problemId(), in.type(), in.stem(), rubric, in.maxScore(), in.referenceAnswer(),
                in.choices(), in.correctChoices(), in.testCases(), in.language(), in.answer());
    }
}
