package ai.smartai.model.problem;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A partial edit of a problem: null fields stay as they are. */
public record ProblemUpdate(
        ProblemType type,
        @Size(max = 200_000) String stem,
        List<@Valid RubricItem> rubric,
        @Positive Double maxScore,
        @Size(max = 200_000) String referenceAnswer,
        List<@Size(max = 20_000) String> choices,
        List<@Size(max = 10) String> correctChoices,
        List<@Valid TestCase> testCases) {
}
