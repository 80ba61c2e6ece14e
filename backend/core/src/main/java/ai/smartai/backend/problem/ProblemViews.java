package ai.smartai.backend.problem;

import ai.smartai.model.problem.ProblemView;

public final class ProblemViews {

    private ProblemViews() {
    }

    public static ProblemView view(Problem p) {
        return new ProblemView(p.getProblemId(), p.getNumber(), p.getType(), p.getTypeReason(), p.getStem(),
                p.getRubric(), p.getMaxScore(), p.getReferenceAnswer(), p.getChoices(), p.getCorrectChoices(),
                p.getTestCases(), p.getLanguage(), p.getPolicies());
    }
}
