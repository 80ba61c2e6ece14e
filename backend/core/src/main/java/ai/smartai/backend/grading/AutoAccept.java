package ai.smartai.backend.grading;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import ai.smartai.model.grade.Evidence;
import ai.smartai.model.problem.RubricItem;

/**
 * The one rule for a grade the teacher will not see: a score with no review reason stands only when a tool verified
 * what decides it (docs/grading.md, "auto-accept"). The grade's {@link VerifiedFact}s must cover the whole grade, or
 * every rubric line but at most {@link #OPEN} of the points; anything else was inferred (a similarity suggestion, a
 * line given the judged share, method credit guessed from the working) and goes to review with the lines named.
 */
public final class AutoAccept {

    /** Share of the points that may rest on no verified fact: the width of a grade a careful grader would sign. */
    static final double OPEN = 0.10;

    /** The highest confidence a score no tool verified may report. */
    static final double UNVERIFIED_CONFIDENCE = 0.5;

    private AutoAccept() {
    }

    /**
     * The grade, with a review reason (unless it has one already) and a confidence of at most
     * {@link #UNVERIFIED_CONFIDENCE} when its score rests on something no tool verified.
     */
    public static GradeResult check(GradingInput in, GradeResult r) {
        return check(in.rubric(), in.language(), r, Calibration.current());
    }

    /** The rule without a problem language: no calibrated threshold applies. */
    public static GradeResult check(List<RubricItem> rubric, GradeResult r) {
        return check(rubric, null, r, Calibration.current());
    }

    /**
     * A score no tool verified at all (a similarity or steps suggestion, with no fact) and no review reason of its
     * own stands when its confidence clears the threshold calibrated on the corpus for its method and language.
     * Credit inferred beside verified facts (a CAS method share, a program's style) never does: it stays in review.
     */
    static GradeResult check(List<RubricItem> rubric, String language, GradeResult r, Calibration calibration) {
        if (r.score() == null) {
            return r;
        }
        Optional<Message> reason = unverified(rubric, r);
        if (reason.isEmpty()) {
            return r;
        }
        if (r.needsReview()) {
            // A grade already in review keeps its own reasons; any unverified score reports a modest confidence.
            return unsure(r);
        }
        MessageCode method = GradingEngine.methodName(r.method());
        MessageCode lang = "zh".equals(language) ? MessageCode.LANG_TAG_ZH
                : "en".equals(language) ? MessageCode.LANG_TAG_EN : null;
        List<Message> detail = List.of(Message.of(MessageCode.EVD_GRADER_CONFIDENCE, String.format(Locale.ROOT, "%.3f",
                r.confidence())));
        Optional<Calibration.Threshold> threshold = r.facts().isEmpty() ? calibration.threshold(r.method(), language)
                : Optional.empty();
        if (threshold.isPresent() && r.confidence() >= threshold.get().confidence() - 1e-9) {
            Calibration.Threshold t = threshold.get();
            return r.withEvidence(Evidence.itemised(CALIBRATED, Message.of(MessageCode.EV_CALIBRATED,
                    String.format(Locale.ROOT, "%.2f", r.confidence()), String.format(Locale.ROOT, "%.2f",
                            t.confidence()),
                    method, lang == null ? language : lang, String.format(Locale.ROOT, "%.1f", t.precision() * 100),
                    t.answers()), detail));
        }
        return unsure(r.withReview(reason.get()).withEvidence(Evidence.itemised(CALIBRATED, Message.of(
                MessageCode.EV_UNCALIBRATED, String.format(Locale.ROOT, "%.2f", r.confidence()), method,
                lang == null ? language : lang), detail)));
    }

    /** Evidence kind of the calibrated-threshold decision; its detail holds the grader's own confidence. */
    public static final String CALIBRATED = "calibration";

    /** How the grader's confidence, before any cap, is written in that evidence's (English) detail. */
    public static final String GRADER_CONFIDENCE = MessageCode.EVD_GRADER_CONFIDENCE.text("en").replace(" {0}", "");

    /**
     * An unverified score's confidence is at most {@link #UNVERIFIED_CONFIDENCE}: on the corpus fewer than half of
     * such grades were within 10 % of the teacher's, so a higher figure would not mean what it says.
     */
    static GradeResult unsure(GradeResult r) {
        return new GradeResult(r.score(), r.maxScore(), Math.min(r.confidence(), UNVERIFIED_CONFIDENCE), r.method(),
                r.evidence(), r.comment(), r.reviewReasons(), r.facts());
    }

    /** Why the score is not verified, or empty when it is. */
    static Optional<Message> unverified(List<RubricItem> rubric, GradeResult r) {
        if (r.facts().stream().anyMatch(VerifiedFact::wholeGrade)) {
            return Optional.empty();
        }
        if (r.facts().isEmpty()) {
            return Optional.of(Message.of(MessageCode.REVIEW_UNVERIFIED_SUGGESTION,
                    GradingEngine.methodName(r.method())));
        }
        double total = rubric.stream().mapToDouble(RubricItem::points).sum();
        if (total <= 0) {
            return Optional.empty();
        }
        List<RubricItem> open = rubric.stream().filter(i -> r.verified(Aspect.of(i)).isEmpty()).toList();
        double openShare = open.stream().mapToDouble(RubricItem::points).sum() / total;
        if (openShare <= OPEN + 1e-9) {
            return Optional.empty();
        }
        return Optional.of(Message.of(MessageCode.REVIEW_INFERRED_CREDIT, open.stream()
                .map(RubricItem::description).collect(Collectors.joining("; "))));
    }
}
