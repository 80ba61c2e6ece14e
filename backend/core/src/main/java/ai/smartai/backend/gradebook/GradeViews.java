package ai.smartai.backend.gradebook;

import java.util.List;

import ai.smartai.backend.grading.Grade;
import ai.smartai.model.common.Message;
import ai.smartai.model.grade.GradeOverride;
import ai.smartai.model.grade.GradeView;

public final class GradeViews {

    private GradeViews() {
    }

    static GradeView view(Grade g, String studentId, boolean stale) {
        GradeOverride override = g.getOverrideAt() == null ? null
                : new GradeOverride(g.getOverrideScore(), g.getOverrideComment(), g.getOverrideBy(), g.getOverrideAt());
        return new GradeView(studentId, g.getProblemId(), g.getScore(), g.getMaxScore(), g.getConfidence(),
                g.getMethod(), g.needsReview(), g.getReviewReasons().stream().map(Message::english).toList(),
                g.getComment(), g.getEvidence(), g.getExperts(), override, stale, g.getGradedAt(),
                g.getReviewReasons());
    }

    /** The same grade without its evidence and expert votes. */
    static GradeView brief(GradeView v) {
        return new GradeView(v.studentId(), v.problemId(), v.score(), v.maxScore(), v.confidence(), v.method(),
                v.needsReview(), v.reviewReasons(), v.comment(), List.of(), List.of(), v.override(),
                v.stale(), v.gradedAt(), v.reviewReasonCodes());
    }
}
