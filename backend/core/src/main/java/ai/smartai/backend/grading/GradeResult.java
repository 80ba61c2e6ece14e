package ai.smartai.backend.grading;

import java.util.ArrayList;
import java.util.List;

import ai.smartai.model.grade.Evidence;
import ai.smartai.model.grade.GradeMethod;

/**
 * A machine grade. {@code score} is null when the method could not judge: never an invented number. Any review reason
 * sends the grade to the teacher's queue.
 */
public record GradeResult(
        Double score,
        double maxScore,
        double confidence,
        GradeMethod method,
        List<Evidence> evidence,
        String comment,
        List<String> reviewReasons) {

    public GradeResult {
        evidence = List.copyOf(evidence);
        reviewReasons = List.copyOf(reviewReasons);
        confidence = Math.max(0, Math.min(1, confidence));
        if (score != null) {
            score = Math.max(0, Math.min(maxScore, Math.round(score * 100) / 100.0));
        }
    }

    public boolean needsReview() {
        return !reviewReasons.isEmpty();
    }

    /** No method could judge: score null, method none, and the reason for the teacher. */
    public static GradeResult none(double maxScore, String reason, String comment, List<Evidence> evidence) {
        return new GradeResult(null, maxScore, 0, GradeMethod.NONE, evidence, comment, List.of(reason));
    }

    public GradeResult withReview(String reason) {
        List<String> reasons = new ArrayList<>(reviewReasons);
        if (!reasons.contains(reason)) {
            reasons.add(reason);
        }
        return new GradeResult(score, maxScore, confidence, method, evidence, comment, reasons);
    }

    public GradeResult withEvidence(Evidence more) {
        List<Evidence> all = new ArrayList<>(evidence);
        all.add(more);
        return new GradeResult(score, maxScore, confidence, method, all, comment, reviewReasons);
    }
}
