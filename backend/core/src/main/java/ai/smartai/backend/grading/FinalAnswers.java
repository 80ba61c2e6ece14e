package ai.smartai.backend.grading;

import java.util.List;
import java.util.Optional;

import ai.smartai.backend.grading.cas.MathText;
import ai.smartai.backend.grading.choice.ChoiceGrader;
import ai.smartai.model.problem.ProblemType;

/** A student's final answer as the graders read it, for grouping equal wrong answers in analytics. */
public final class FinalAnswers {

    private FinalAnswers() {
    }

    /** The final answer of a choice or calculation answer, spaces dropped; empty for other types or none found. */
    public static Optional<String> read(ProblemType type, String reference, String answer) {
        if (answer == null || answer.isBlank()) {
            return Optional.empty();
        }
        if (type == ProblemType.CHOICE) {
            var letters = ChoiceGrader.read(answer).letters();
            return letters.isEmpty() ? Optional.empty() : Optional.of(String.join("", letters));
        }
        if (type == ProblemType.CALCULATION) {
            String subject = reference == null || reference.isBlank() ? null
                    : MathText.finalSubject(MathText.keyResult(reference));
            List<String> values = subject != null ? MathText.valuesFor(answer, subject) : MathText.finalAnswers(answer);
            return values.isEmpty() ? Optional.empty()
                    : Optional.of(String.join(", ", values.stream().map(v -> v.replaceAll("\\s+", "")).toList()));
        }
        return Optional.empty();
    }
}
