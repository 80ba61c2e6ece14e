package ai.smartai.backend.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import ai.smartai.model.common.Message;
import ai.smartai.model.grade.Evidence;
import ai.smartai.model.grade.GradeMethod;

/**
 * A machine grade. {@code score} is null when the method could not judge: never an invented number. Any review reason
 * sends the grade to the teacher's queue. Reasons are catalogue messages, so that a page shows them in its reader's
 * language; a result cached before codes reads its plain reasons as {@link Message#text}.
 */
public record GradeResult(
        Double score,
        double maxScore,
        double confidence,
        GradeMethod method,
        List<Evidence> evidence,
        String comment,
        List<Message> reviewReasons,
        List<VerifiedFact> facts) {

    public GradeResult {
        evidence = List.copyOf(evidence);
        reviewReasons = List.copyOf(reviewReasons);
        // Null from a result cached before facts existed.
        facts = facts == null ? List.of() : List.copyOf(facts);
        confidence = Math.max(0, Math.min(1, confidence));
        if (score != null) {
            score = Math.max(0, Math.min(maxScore, Math.round(score * 100) / 100.0));
        }
    }

    /** A grade with nothing verified by a tool: the auto-accept rule sends any score of it to review. */
    public GradeResult(Double score, double maxScore, double confidence, GradeMethod method, List<Evidence> evidence,
            String comment, List<Message> reviewReasons) {
        this(score, maxScore, confidence, method, evidence, comment, reviewReasons, List.of());
    }

    public boolean needsReview() {
        return !reviewReasons.isEmpty();
    }

    /** The reasons in English, as the API's {@code reviewReasons} carries them. */
    public List<String> reasonTexts() {
        return reviewReasons.stream().map(Message::english).toList();
    }

    /** The grade no tool could decide: no score, the reason for the teacher, and the same words to every student. */
    public static GradeResult awaitingTeacher(GradingInput in, Message reason, List<Evidence> evidence) {
        return none(in.maxScore(), reason, in.say("待老师评分。", "Awaiting the teacher's grade."), evidence);
    }

    /** No method could judge: score null, method none, and the reason for the teacher. */
    public static GradeResult none(double maxScore, Message reason, String comment, List<Evidence> evidence) {
        return new GradeResult(null, maxScore, 0, GradeMethod.NONE, evidence, comment, List.of(reason));
    }

    public GradeResult withReview(Message reason) {
        List<Message> reasons = new ArrayList<>(reviewReasons);
        if (!reasons.contains(reason)) {
            reasons.add(reason);
        }
        return new GradeResult(score, maxScore, confidence, method, evidence, comment, reasons, facts);
    }

    /** The same grade with one more verified fact. */
    public GradeResult withFact(VerifiedFact fact) {
        List<VerifiedFact> all = new ArrayList<>(facts);
        all.add(fact);
        return new GradeResult(score, maxScore, confidence, method, evidence, comment, reviewReasons, all);
    }

    /** The verified share of an aspect's credit, if a tool verified it. */
    public OptionalDouble verified(Aspect aspect) {
        return facts.stream().filter(f -> f.aspect() == aspect).mapToDouble(VerifiedFact::share).findFirst();
    }

    public GradeResult withEvidence(Evidence more) {
        List<Evidence> all = new ArrayList<>(evidence);
        all.add(more);
        return new GradeResult(score, maxScore, confidence, method, all, comment, reviewReasons, facts);
    }
}
