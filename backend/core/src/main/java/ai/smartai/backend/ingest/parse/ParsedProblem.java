package ai.smartai.backend.ingest.parse;

import java.util.List;

import ai.smartai.model.problem.ProblemType;
import ai.smartai.model.problem.RubricItem;

/** A problem as the problem-set parser found it. */
public record ParsedProblem(
        String number,
        String stem,
        ProblemType type,
        String typeReason,
        double maxScore,
        boolean maxScoreFromText,
        List<String> choices,
        List<RubricItem> rubric,
        String language) {

    public String id() {
        return "q" + number;
    }
}
