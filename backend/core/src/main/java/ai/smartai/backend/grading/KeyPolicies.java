package ai.smartai.backend.grading;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import ai.smartai.backend.grading.sandbox.Code;
import ai.smartai.backend.problem.Blanks;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import ai.smartai.model.grade.GradeMethod;
import ai.smartai.model.problem.KeyPolicy;
import ai.smartai.model.problem.PolicyKind;
import ai.smartai.model.problem.ProblemType;
import ai.smartai.model.problem.RubricItem;

/**
 * The answer key's policies after the tools have graded: score steps are applied here; a policy no grader applies
 * yet becomes a review reason naming it, so a rule the teacher wrote is never silently ignored.
 */
public final class KeyPolicies {

    /** Kinds that are applied, here or by the graders; a grader that learns a kind adds it. */
    static final Set<PolicyKind> APPLIED = EnumSet.of(PolicyKind.GRANULARITY, PolicyKind.EXACT_OUTPUT,
            PolicyKind.PROMPT_TEXT, PolicyKind.ANY_ORDER, PolicyKind.SIGNATURE, PolicyKind.PRINTED_RESULT,
            PolicyKind.RESULT_ONLY, PolicyKind.CHOICE_SUBSET, PolicyKind.CHOICE_PER_OPTION);

    private KeyPolicies() {
    }

    /**
     * The input as its graders see it under a result-only rule that covers the problem: the rubric's lines for the
     * method and the derivation are dropped, so working neither earns points nor costs them and the result decides
     * the whole score. A key that says "选择、填空只看结果" covers a choice problem and one whose stem leaves blanks.
     */
    public static GradingInput judgedByResult(GradingInput in) {
        Optional<KeyPolicy> rule = in.policies().stream()
                .filter(p -> p.kind() == PolicyKind.RESULT_ONLY && covers(p, in)).findFirst();
        if (rule.isEmpty() || in.rubric().stream().noneMatch(KeyPolicies::working)) {
            return in;
        }
        List<RubricItem> kept = in.rubric().stream().filter(i -> !working(i)).toList();
        return in.withRubric(kept.isEmpty() ? List.of(new RubricItem(rule.get().rule(), in.maxScore(),
                Aspect.RESULT.key())) : kept);
    }

    private static boolean covers(KeyPolicy p, GradingInput in) {
        return p.terms().isEmpty() || p.terms().contains(KeyPolicy.CHOICE) && in.type() == ProblemType.CHOICE
                || p.terms().contains(KeyPolicy.FILL_IN) && in.type() != ProblemType.PROGRAMMING
                        && Blanks.count(in.stem()) > 0;
    }

    private static boolean working(RubricItem item) {
        Aspect a = Aspect.of(item);
        return a == Aspect.METHOD || a == Aspect.DERIVATION;
    }

    public static GradeResult apply(GradingInput given, GradeResult result) {
        GradingInput in = judgedByResult(given);
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
     * only when the answer uses it (a term written as a call, where it is called: not "two sorted lists"); extra
     * output only for a program below full marks. For a calculation the tools compared, the working's rules matter
     * only where something is wrong: a carried error only when a result (or a part) is wrong, partial credit only when
     * a verified aspect is short of full; a unit rule only when the tools found a unit missing or of another kind
     * ({@link Aspect#UNIT}). A calculation whose result was not compared is in
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
                            .anyMatch(t -> Code.uses(in.answer(), t)));
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
            case GRANULARITY, SIGNATURE, PRINTED_RESULT, RESULT_ONLY, CHOICE_SUBSET, CHOICE_PER_OPTION -> true;
        };
    }

    /** A tool verified the aspect and found it short of full credit. */
    private static boolean shortOf(GradeResult r, Aspect aspect) {
        return r.verified(aspect).isPresent() && r.verified(aspect).getAsDouble() < 1 - 1e-9;
    }
}
