package ai.smartai.backend.problem;

import java.util.List;

import ai.smartai.backend.account.CurrentUser;
import ai.smartai.model.problem.RubricItem;

/** A teacher changed a problem's rubric; observers run in the edit's transaction. */
public record RubricChanged(CurrentUser user, String taskId, String problemId, double maxScore,
        List<RubricItem> before, List<RubricItem> after) {
}
