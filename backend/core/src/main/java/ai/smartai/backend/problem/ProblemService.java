package ai.smartai.backend.problem;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ai.smartai.backend.access.TaskAccess;
import ai.smartai.backend.account.CurrentUser;
import ai.smartai.backend.audit.AuditService;
import ai.smartai.backend.web.ApiException;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import ai.smartai.model.problem.ProblemType;
import ai.smartai.model.problem.ProblemUpdate;
import ai.smartai.model.problem.ProblemView;

@ApplicationScoped
public class ProblemService {

    @Inject
    TaskAccess access;

    @Inject
    ProblemRepository problems;

    @Inject
    AuditService audit;

    @Inject
    Event<RubricChanged> rubricChanged;

    @Transactional
    public List<ProblemView> list(CurrentUser user, String taskId) {
        access.require(user, taskId);
        return problems.list(taskId).stream().map(ProblemViews::view).toList();
    }

    /** A teacher's edit of any field. The new revision makes every grade of this problem stale. */
    @Transactional
    public ProblemView update(CurrentUser user, String taskId, String problemId, ProblemUpdate u) {
        access.require(user, taskId);
        Problem p = problems.find(taskId, problemId)
                .orElseThrow(() -> ApiException.notFound(MessageCode.THING_PROBLEM, problemId));
        ProblemView before = ProblemViews.view(p);
        if (u.type() != null && u.type() != p.getType()) {
            p.setType(u.type());
            p.setTypeReason("set by the teacher");
            if (u.rubric() == null) {
                p.setRubric(DefaultRubrics.forType(u.type(), u.maxScore() != null ? u.maxScore() : p.getMaxScore(),
                        p.getLanguage()));
            }
        }
        if (u.stem() != null) {
            p.setStem(u.stem());
        }
        if (u.maxScore() != null) {
            p.setMaxScore(u.maxScore(), Problem.MaxScoreSource.TEACHER);
        }
        if (u.rubric() != null) {
            p.setRubric(u.rubric());
        }
        if (u.referenceAnswer() != null) {
            p.setReferenceAnswer(u.referenceAnswer());
        }
        if (u.choices() != null) {
            p.setChoices(u.choices());
        }
        if (u.correctChoices() != null) {
            List<String> letters = u.correctChoices().stream().map(String::strip).map(String::toUpperCase).sorted()
                    .distinct().toList();
            if (p.getType() == ProblemType.CHOICE && !p.getChoices().isEmpty()
                    && !p.getChoices().containsAll(letters)) {
                throw ApiException.badRequest("validation_failed", Message.of(MessageCode.ERR_NOT_OPTIONS, letters,
                        problemId, p.getChoices()));
            }
            p.setCorrectChoices(letters);
        }
        if (u.testCases() != null) {
            p.setTestCases(u.testCases());
        }
        p.touch();
        ProblemView after = ProblemViews.view(p);
        audit.record(taskId, user, "problem.edit", problemId, before, after);
        if (!after.rubric().equals(before.rubric())) {
            rubricChanged.fire(new RubricChanged(user, taskId, problemId, p.getMaxScore(), before.rubric(),
                    after.rubric()));
        }
        return after;
    }
}
