package ai.smartai.backend.grading;

import java.util.EnumSet;
import java.util.Set;

import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import ai.smartai.model.grade.GradeMethod;
import ai.smartai.model.problem.KeyPolicy;
import ai.smartai.model.problem.PolicyKind;

/**
 * The answer key's policies after the tools have graded: score steps are applied here; a policy no grader applies
 * yet becomes a review reason naming it, so a rule the teacher wrote is never silently ignored.
 */
public final class KeyPolicies {

    /** Kinds that are applied, here or by the graders; a grader that learns a kind adds it. */
    static final Set<PolicyKind> APPLIED = EnumSet.of(PolicyKind.GRANULARITY, PolicyKind.EXACT_OUTPUT,
            PolicyKind.PROMPT_TEXT, PolicyKind.ANY_ORDER, PolicyKind.SIGNATURE, PolicyKind.PRINTED_RESULT);

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
                        r.evidence(), r.comment(), r.reviewReasons(), r.facts());
            } else if (!APPLIED.contains(p.kind()) && matters(p, in, r)) {
                r = r.withReview(Message.of(MessageCode.REVIEW_KEY_POLICY, MessageCode.valueOf("POLICY_"
                        + p.kind().name()), p.rule()));
            }
        }
        return r;
    }

    /**
     * Whether a policy could change this grade, as a careful teacher decides it per answer: a forbidden call matters
     * only when the answer names it; extra output only for a program below full marks. For a calculation the tools
     * compared, the working's rules matter only where something is wrong: a carried error only when a result (or a
     * part) is wrong, partial credit only when a verified aspect is short of full; a unit rule only when the tools
     * found a unit missing or of another kind ({@link Aspect#UNIT}). A calculation whose result was not compared is in
     * review already for that, and the teacher applies the key there. Other methods keep the rule below full marks.
     * Letters matched against the key carry no error forward and have no unit, and a single-answer choice has no
     * partial credit to give.
     */
    private static boolean matters(KeyPolicy p, GradingInput in, GradeResult r) {
        boolean full = r.score() != null && r.score() >= r.maxScore() - 1e-9;
        boolean letters = r.method() == GradeMethod.CHOICE && r.facts().stream().anyMatch(VerifiedFact::wholeGrade);
        boolean compared = r.method() == GradeMethod.CAS;
        return switch (p.kind()) {
            // A deduction the sandbox grader applied itself, having looked for the terms in the code.
            case FORBIDDEN_OPERATION -> !(p.amount() != null && r.method() == GradeMethod.SANDBOX && r.score() != null)
                    && (p.terms().isEmpty() || p.terms().stream()
                            .map(t -> t.endsWith("()") ? t.substring(0, t.length() - 2) : t)
                            .anyMatch(t -> in.answer().contains(t)));
            // A key that gives no partial credit asks for nothing more than a grade the tools verified whole.
            // A program whose every rubric line the tests decided got its partial credit test by test; one that earned
            // nothing may still deserve credit for its idea.
            case PARTIAL_CREDIT -> compared ? !full && r.facts().stream().anyMatch(f -> f.share() < 1 - 1e-9)
                    : !full && !(letters && in.correctChoices().size() <= 1) && !(r.method() == GradeMethod.SANDBOX
                            && r.score() != null && r.score() > 1e-9 && AutoAccept.unverified(in.rubric(), r).isEmpty())
                            && !(p.amount() != null && p.amount() == 0
                                    && AutoAccept.unverified(in.rubric(), r).isEmpty());
            case CARRIED_ERROR -> compared ? shortOf(r, Aspect.RESULT) : !full && !letters;
            case UNIT_TOLERANCE -> compared ? shortOf(r, Aspect.UNIT) : !full && !letters;
            case EXTRA_OUTPUT, EXACT_OUTPUT, PROMPT_TEXT, ANY_ORDER ->
                !full && (r.method() == GradeMethod.SANDBOX || r.method() == GradeMethod.NONE);
            // Tests cannot show how fast a program is: a program that earned points may still break the rule.
            case COMPLEXITY -> r.score() == null || r.score() > 1e-9;
            case GRANULARITY, SIGNATURE, PRINTED_RESULT -> true;
        };
    }

    /** A tool verified the aspect and found it short of full credit. */
    private static boolean shortOf(GradeResult r, Aspect aspect) {
        return r.verified(aspect).isPresent() && r.verified(aspect).getAsDouble() < 1 - 1e-9;
    }
}
