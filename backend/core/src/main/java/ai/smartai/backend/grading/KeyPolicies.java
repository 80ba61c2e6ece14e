package ai.smartai.backend.grading;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import ai.smartai.model.problem.KeyPolicy;
import ai.smartai.model.problem.PolicyKind;

/**
 * The answer key's policies after the tools have graded: score steps are applied here; a policy no grader applies
 * yet becomes a review reason naming it, so a rule the teacher wrote is never silently ignored.
 */
public final class KeyPolicies {

    /** Kinds that are applied, here or by the graders; a grader that learns a kind adds it. */
    static final Set<PolicyKind> APPLIED = EnumSet.of(PolicyKind.GRANULARITY);

    private KeyPolicies() {
    }

    public static GradeResult apply(GradingInput in, GradeResult result) {
        if (in.answer() == null || in.answer().isBlank()) {
            return result;
        }
        GradeResult r = result;
        for (KeyPolicy p : in.policies()) {
            if (p.kind() == PolicyKind.GRANULARITY && p.amount() != null && p.amount() > 0 && r.score() != null) {
                double step = p.amount();
                r = new GradeResult(Math.round(r.score() / step) * step, r.maxScore(), r.confidence(), r.method(),
                        r.evidence(), r.comment(), r.reviewReasons());
            } else if (!APPLIED.contains(p.kind()) && matters(p, in, r)) {
                r = r.withReview("the key's " + p.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + " rule is not applied by the tools; check it: \"" + p.rule() + "\"");
            }
        }
        return r;
    }

    /**
     * Whether a policy could change this grade: a forbidden call matters only when the answer names it; rules about
     * partial credit, carried errors, extra output and unit tolerance matter below full marks (a full score the tools
     * checked against the key is not re-opened for them).
     */
    private static boolean matters(KeyPolicy p, GradingInput in, GradeResult r) {
        boolean full = r.score() != null && r.score() >= r.maxScore() - 1e-9;
        return switch (p.kind()) {
            case FORBIDDEN_OPERATION -> p.terms().isEmpty() || p.terms().stream()
                    .map(t -> t.endsWith("()") ? t.substring(0, t.length() - 2) : t)
                    .anyMatch(t -> in.answer().contains(t));
            case PARTIAL_CREDIT, CARRIED_ERROR, EXTRA_OUTPUT, UNIT_TOLERANCE -> !full;
            case GRANULARITY -> true;
        };
    }
}
