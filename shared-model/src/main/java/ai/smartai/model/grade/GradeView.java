package ai.smartai.model.grade;

import java.time.Instant;
import java.util.List;

import ai.smartai.model.common.Message;

/**
 * A machine grade, and the teacher's override beside it. {@code score} is null when no method could judge.
 * {@code gradedAt} is when the machine grade was computed. {@code reviewReasonCodes} are the {@code reviewReasons} as
 * catalogue messages, in the same order, for a page in the reader's language.
 */
public record GradeView(
        String studentId,
        String problemId,
        Double score,
        double maxScore,
        double confidence,
        GradeMethod method,
        boolean needsReview,
        List<String> reviewReasons,
        String comment,
        List<Evidence> evidence,
        List<ExpertVote> experts,
        GradeOverride override,
        boolean stale,
        Instant gradedAt,
        List<Message> reviewReasonCodes) {
}
