package ai.smartai.backend.grading;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

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

    private AutoAccept() {
    }

    /** The grade, with a review reason when its score rests on something no tool verified. */
    public static GradeResult check(List<RubricItem> rubric, GradeResult r) {
        if (r.score() == null || r.needsReview()) {
            return r;
        }
        return unverified(rubric, r).map(r::withReview).orElse(r);
    }

    /** Why the score is not verified, or empty when it is. */
    static Optional<String> unverified(List<RubricItem> rubric, GradeResult r) {
        if (r.facts().stream().anyMatch(VerifiedFact::wholeGrade)) {
            return Optional.empty();
        }
        String method = r.method().name().toLowerCase(Locale.ROOT);
        if (r.facts().isEmpty()) {
            return Optional.of("the " + method + " score is a suggestion: no tool verified what decides it");
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
        return Optional.of("credit inferred, not verified by a tool, for: " + open.stream()
                .map(RubricItem::description).collect(Collectors.joining("; ")));
    }
}
