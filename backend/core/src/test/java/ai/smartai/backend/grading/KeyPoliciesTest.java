package ai.smartai.backend.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import ai.smartai.model.grade.GradeMethod;
import ai.smartai.model.problem.KeyPolicy;
import ai.smartai.model.problem.PolicyKind;
import ai.smartai.model.problem.ProblemType;
import ai.smartai.model.problem.RubricItem;

/** A key's general rules open a grade for review only where they could change it. */
class KeyPoliciesTest {

    static final List<KeyPolicy> GENERAL = List.of(
            new KeyPolicy(PolicyKind.PARTIAL_CREDIT, "计算题分步骤分与结果分", null, List.of()),
            new KeyPolicy(PolicyKind.CARRIED_ERROR, "Errors carried forward keep the later marks", null, List.of()),
            new KeyPolicy(PolicyKind.UNIT_TOLERANCE, "A missing unit costs 1 point", null, List.of()),
            new KeyPolicy(PolicyKind.EXTRA_OUTPUT, "Prompts cost 1 point", null, List.of()));

    static GradingInput input(ProblemType type, List<String> correct, String answer) {
        GradingInput in = Inputs.of(type, "Pick one.", "B", answer, 5, correct, List.of());
        return new GradingInput(in.problemId(), in.type(), in.stem(), in.rubric(), in.maxScore(), in.referenceAnswer(),
                in.choices(), in.correctChoices(), in.testCases(), in.language(), in.answer(), GENERAL);
    }

    static GradeResult letters(double score) {
        return new GradeResult(score, 5, 0.99, GradeMethod.CHOICE, List.of(), "", List.of(),
                List.of(VerifiedFact.whole(score / 5, "option letters read and compared with the key")));
    }

    @Test
    void aForbiddenCallMattersOnlyWhereTheAnswerCallsIt() {
        KeyPolicy rule = new KeyPolicy(PolicyKind.FORBIDDEN_OPERATION, "Any import or a call of sorted(): 0 points",
                null, List.of("sorted()", "import"));
        GradeResult passed = new GradeResult(15.0, 15, 0.9, GradeMethod.SANDBOX, List.of(), "", List.of(),
                List.of(VerifiedFact.whole(1, "5 of 5 tests")));
        for (String clean : List.of("# merge two sorted lists\ndef merge(a, b):\n    return a + b",
                "The lists are sorted, so one pass is enough.\ndef merge(a, b):\n    return a + b")) {
            assertThat(KeyPolicies.apply(program(clean, rule), passed).needsReview()).as(clean).isFalse();
        }
        for (String uses : List.of("def merge(a, b):\n    return sorted(a + b)",
                "import heapq\ndef merge(a, b): ...")) {
            assertThat(KeyPolicies.apply(program(uses, rule), passed).reasonTexts()).as(uses)
                    .anyMatch(r -> r.contains("forbidden operation"));
        }
    }

    static GradingInput program(String answer, KeyPolicy rule) {
        GradingInput in = input(ProblemType.PROGRAMMING, List.of(), answer);
        return new GradingInput(in.problemId(), in.type(), in.stem(), in.rubric(), in.maxScore(), in.referenceAnswer(),
                in.choices(), in.correctChoices(), in.testCases(), in.language(), answer, List.of(rule));
    }

    @Test
    void aWrongLetterOnASingleAnswerChoiceIsNotReopenedByTheKeysGeneralRules() {
        GradeResult r = KeyPolicies.apply(input(ProblemType.CHOICE, List.of("B"), "C"), letters(0));
        assertThat(r.needsReview()).as(r.reasonTexts().toString()).isFalse();
    }

    @Test
    void partialCreditStillMattersForAMultiAnswerChoice() {
        GradeResult r = KeyPolicies.apply(input(ProblemType.CHOICE, List.of("A", "B"), "A"), letters(2.5));
        assertThat(r.reasonTexts()).singleElement().asString().contains("partial credit");
    }

    @Test
    void theWorkingsRulesStillOpenAPartialCalculation() {
        GradeResult cas = new GradeResult(6.0, 10, 0.7, GradeMethod.CAS, List.of(), "", List.of(),
                List.of(new VerifiedFact(Aspect.RESULT, 0, "CAS: different")));
        GradeResult r = KeyPolicies.apply(input(ProblemType.CALCULATION, List.of(), "x = 3"), cas);
        // A wrong result opens the working's rules; the unit rule waits for a unit the tools found missing or wrong.
        assertThat(r.reasonTexts()).anyMatch(s -> s.contains("carried error"))
                .anyMatch(s -> s.contains("partial credit")).noneMatch(s -> s.contains("unit tolerance"))
                .noneMatch(s -> s.contains("extra output"));
        assertThat(r.facts()).isEqualTo(cas.facts());
    }

    @Test
    void aCalculationWhoseResultsTheToolsProvedIsNotReopenedForTheWorkingsRules() {
        GradeResult cas = new GradeResult(8.0, 10, 0.9, GradeMethod.CAS, List.of(), "", List.of(),
                List.of(new VerifiedFact(Aspect.RESULT, 1, "CAS: equal"), new VerifiedFact(Aspect.UNIT, 1, "units")));
        GradeResult r = KeyPolicies.apply(input(ProblemType.CALCULATION, List.of(), "v = 25 m/s"), cas);
        assertThat(r.reasonTexts()).noneMatch(s -> s.contains("carried error")).noneMatch(s -> s.contains("unit"))
                .noneMatch(s -> s.contains("partial credit"));
    }

    @Test
    void aMissingUnitOpensTheUnitRuleOnlyThen() {
        GradeResult zh = new GradeResult(10.0, 10, 0.9, GradeMethod.CAS, List.of(), "", List.of(),
                List.of(new VerifiedFact(Aspect.RESULT, 1, "CAS: equal"), new VerifiedFact(Aspect.UNIT, 0, "无单位")));
        GradeResult r = KeyPolicies.apply(input(ProblemType.CALCULATION, List.of(), "v = 25"), zh);
        assertThat(r.reasonTexts()).singleElement().asString().contains("unit tolerance");
    }

    @Test
    void aCalculationWhoseResultWasNotComparedLeavesTheRulesToItsOwnReason() {
        GradeResult cas = new GradeResult(6.0, 10, 0.6, GradeMethod.CAS, List.of(), "",
                List.of(Message.of(MessageCode.REVIEW_CAS_NO_RESULT)),
                List.of(new VerifiedFact(Aspect.DERIVATION, 1, "CAS: 3 of 3 steps hold")));
        GradeResult r = KeyPolicies.apply(input(ProblemType.CALCULATION, List.of(), "x = 3"), cas);
        assertThat(r.reasonTexts()).containsExactly("the final result was not compared with a reference");
    }

    @Test
    void anEfficiencyRuleOpensAProgramThatPassedItsTestsButNotOneThatScoredNothing() {
        GradingInput base = Inputs.of(ProblemType.PROGRAMMING, "Merge two sorted lists.", null, "def m(a, b): ...", 15,
                List.of(), List.of());
        GradingInput in = new GradingInput(base.problemId(), base.type(), base.stem(), base.rubric(), base.maxScore(),
                base.referenceAnswer(), base.choices(), base.correctChoices(), base.testCases(), base.language(),
                base.answer(), List.of(new KeyPolicy(PolicyKind.COMPLEXITY,
                        "A solution that is asymptotically slower (list.pop(0) in the loop) loses 3 points.", 3.0,
                        List.of())));
        GradeResult passed = new GradeResult(15.0, 15, 0.9, GradeMethod.SANDBOX, List.of(), "", List.of(), List.of());
        assertThat(KeyPolicies.apply(in, passed).reasonTexts()).singleElement().asString()
                .contains("efficiency requirement");
        GradeResult failed = new GradeResult(0.0, 15, 0.9, GradeMethod.SANDBOX, List.of(), "", List.of(), List.of());
        assertThat(KeyPolicies.apply(in, failed).needsReview()).isFalse();
    }

    @Test
    void aProgramTheTestsGradedWholeHadItsPartialCreditTestByTest() {
        GradingInput base = Inputs.of(ProblemType.PROGRAMMING, "Merge the intervals.", null, "def merge(xs): ...", 15,
                List.of(), List.of());
        GradingInput in = new GradingInput(base.problemId(), base.type(), base.stem(),
                List.of(new RubricItem("T1–T6: 2 + 2 + 3 + 3 + 3 + 2", 15, "functionality")), base.maxScore(),
                base.referenceAnswer(), base.choices(), base.correctChoices(), base.testCases(), base.language(),
                base.answer(), GENERAL);
        GradeResult nine = new GradeResult(9.0, 15, 0.9, GradeMethod.SANDBOX, List.of(), "", List.of(),
                List.of(new VerifiedFact(Aspect.FUNCTIONALITY, 0.6, "9 of 15 points of tests passed")));
        assertThat(KeyPolicies.apply(in, nine).reasonTexts()).noneMatch(s -> s.contains("partial credit"));
        // Nothing passed: the idea may still earn what the key's partial credit gives.
        GradeResult none = new GradeResult(0.0, 15, 0.9, GradeMethod.SANDBOX, List.of(), "", List.of(),
                List.of(new VerifiedFact(Aspect.FUNCTIONALITY, 0, "no test passed")));
        assertThat(KeyPolicies.apply(in, none).reasonTexts()).anyMatch(s -> s.contains("partial credit"));
    }
    @Test
    void aResultOnlyRuleForBlanksDropsTheWorkingsLinesOfAFillInProblemOnly() {
        List<KeyPolicy> rule = List.of(new KeyPolicy(PolicyKind.RESULT_ONLY, "选择、填空只看结果，不看过程", null,
                List.of(KeyPolicy.FILL_IN, KeyPolicy.CHOICE)));
        GradingInput blank = with(Inputs.of(ProblemType.CALCULATION, "$f'(1)=$________。", "答案：1", "1"), rule);
        GradingInput computed = with(Inputs.of(ProblemType.CALCULATION, "求 $f'(1)$。", "答案：1", "1"), rule);
        assertThat(KeyPolicies.judgedByResult(blank).rubric()).extracting(RubricItem::aspect).containsExactly("result");
        assertThat(KeyPolicies.judgedByResult(blank).maxScore()).isEqualTo(10.0);
        assertThat(KeyPolicies.judgedByResult(computed)).isSameAs(computed);
        // Stated under one problem, the rule names no kind and holds for that problem.
        GradingInput own = with(Inputs.of(ProblemType.CALCULATION, "求 $f'(1)$。", "答案：1", "1"),
                List.of(new KeyPolicy(PolicyKind.RESULT_ONLY, "只看结果", null, List.of())));
        assertThat(KeyPolicies.judgedByResult(own).rubric()).extracting(RubricItem::aspect).containsExactly("result");
    }

    static GradingInput with(GradingInput in, List<KeyPolicy> policies) {
        return new GradingInput(in.problemId(), in.type(), in.stem(), in.rubric(), in.maxScore(), in.referenceAnswer(),
                in.choices(), in.correctChoices(), in.testCases(), in.language(), in.answer(), policies);
    }
}
