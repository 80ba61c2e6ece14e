package ai.smartai.backend.grading.cas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ai.smartai.backend.grading.Aspect;
import ai.smartai.backend.grading.AutoAccept;
import ai.smartai.backend.grading.GradeResult;
import ai.smartai.backend.grading.GradingInput;
import ai.smartai.backend.grading.Inputs;
import ai.smartai.backend.problem.DefaultRubrics;
import ai.smartai.model.grade.GradeMethod;
import ai.smartai.model.problem.KeyPolicy;
import ai.smartai.model.problem.PolicyKind;
import ai.smartai.model.problem.ProblemType;
import ai.smartai.model.problem.RubricItem;

class CasGraderTest {

    static Cas cas;
    static CasGrader grader;

    @BeforeAll
    static void start() {
        cas = new Cas();
        grader = new CasGrader();
        grader.cas = cas;
    }

    static GradeResult grade(String reference, String answer) {
        return grader.grade(Inputs.of(ProblemType.CALCULATION, "Compute the value.", reference, answer));
    }

    @ParameterizedTest(name = "{0} ≡ {1}")
    @CsvSource(delimiter = '|', value = {
            "Answer: $\\frac{\\pi-2}{4}$          | $\\frac{\\pi}{4} - \\frac{1}{2}$",
            "Answer: 1/2                          | 0.5",
            "Answer: x = 2, x = 3                 | x = 3 或 x = 2",
            "Answer: $\\frac{3}{10}$              | P = 0.3",
            "Answer: $2\\sqrt{2}$                 | $\\sqrt{8}$",
            "Answer: $(x+1)^2$                    | $x^2 + 2x + 1$",
            "Answer: $\\frac{1}{2}\\ln 2$         | $\\ln\\sqrt{2}$",
            "答案：$\\binom{3}{2}/\\binom{5}{2}$   | 3/10",
            "Answer: 2                            | $\\boxed{2}$",
            "Answer: $\\frac{\\pi}{4}-\\frac{1}{2}\\ln 2$ | π/4 - (1/2)ln2",
            "Answer: $\\frac{\\pi}{4}-\\frac{1}{2}\\ln 2$ | π/4 − ln 2/2",
            "Answer: $\\sin(2x)$                 | 2sin x cos x",
            "Answer: $\\sqrt{2}$                 | sqrt2",
            "Answer: $1 - \\cos^2 x$             | sin^2 x",
            "Answer: √2/2 + (√2/2)(x − π/4) − (√2/4)(x − π/4)² | sqrt(2)/2 + sqrt(2)/2*(x - pi/4) - sqrt(2)/4*(x - pi/4)^2" })
    void equivalentFormsCountAsEqual(String reference, String answer) {
        GradeResult r = grade(reference, answer);
        assertThat(r.method()).isEqualTo(GradeMethod.CAS);
        assertThat(r.evidence()).as(r.toString())
                .anyMatch(e -> e.kind().equals("cas-result") && e.summary().contains(" is equivalent"));
        // A bare value earns the result's share of the rubric; the working's share needs working.
        assertThat(r.score()).as(r.toString()).isEqualTo(3.0);
    }

    @ParameterizedTest(name = "{0} ≡ {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "Answer: $\\frac{1}{2}$      | $\\frac12$",
            "Answer: $\\frac{x}{2}$      | $\\frac x2$",
            "Answer: $\\frac{1}{2}$      | $\\dfrac{1}{2}$",
            "Answer: $2x$                | $2\\,x$",
            "Answer: $2x$                | $2\\ x$",
            "Answer: $2x$                | $2 \\cdot x$",
            "Answer: $6$                 | $2\\quad\\cdot\\; 3$",
            "Answer: $(x+1)^2$           | $\\left(x+1\\right)^2$",
            "Answer: $3r$                | $3\\textbf{r}$",
            "Answer: $2r$                | $\\mathbf{r} + \\boldsymbol{r}$" })
    void latexMarkupIsReadAsTheMathsItShows(String reference, String answer) {
        GradeResult r = grade(reference, answer);
        assertThat(r.evidence()).as(r.toString())
                .anyMatch(e -> e.kind().equals("cas-result") && e.summary().contains(" is equivalent"));
        assertThat(r.verified(Aspect.RESULT)).hasValue(1.0);
    }

    @ParameterizedTest(name = "{0} against {1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            // A plain "e^2" names no variable when the key has none: it is Euler's number, as in $e^{2}$.
            "答案：$e^{2}$、$1$            | e^2，1                     | 1.0",
            "Answer: $e^{2}$               | lim = e^2                  | 1.0",
            "Answer: $\\frac{1}{e}$       | 1/e                        | 1.0",
            "答案：$e^{2}$                 | e^3                        | 0.0",
            "Answer: $e^{2}$               | x e^2                      | 0.0" })
    void aPlainEIsEulersNumberWhenTheKeysResultHasNoVariable(String reference, String answer, double share) {
        GradeResult r = grade(reference, answer);
        assertThat(r.verified(Aspect.RESULT)).as(r.toString()).hasValue(share);
    }

    @Test
    void theKeysAnswerLineIsItsResultNotTheMarkingNotesAfterIt() {
        String key = """
                L'Hôpital twice: lim (eˣ − 1)/sin x = lim eˣ/cos x = 1.
                Answer: 1

                Marking (12): first quotient — 4; second — 5; result 1 — 3.
                • "0/0 = 1", "top and bottom cancel" or any other invalid argument giving 1: 3 (result only).
                """;
        assertThat(MathText.keyResult(key)).isEqualTo("1");
        assertThat(MathText.keyResult("Answer: ½ ln 3 (converges; ≈ 0.549)\n• diverges: 0")).isEqualTo("½ ln 3");
        assertThat(MathText.keyResult("答案：0.736（即 1.9 × 0.9⁹ ≈ 0.7361）")).isEqualTo("0.736");
        assertThat(MathText.keyResult("答案：(51.147, 53.453)")).isEqualTo("(51.147, 53.453)");
        // Parts (a) and (b) each with an answer line: read as before.
        String parts = "(a) t = 2 v0y / g\nAnswer: t = 2.04 s\n(b) R = v0x t\nAnswer: R = 35.3 m";
        assertThat(MathText.keyResult(parts)).isEqualTo(parts);
        // A labelled line of several results in words is no one value: not compared, rather than its last formula.
        assertThat(MathText.keyResult("答案：驻点为 $x=1$ 和 $x=3$；极大值 $f(1)=5$，极小值 $f(3)=1$。\n步骤：…")).isEmpty();
        assertThat(MathText.keyResult("答案：$x=2$ 和 $x=3$\n步骤：因式分解")).isEqualTo("$x=2$ 和 $x=3$");
        assertThat(MathText.keyResult("Answer: squares of side 2 cm; box 12 cm × 6 cm × 2 cm\n• 8 at most")).isEmpty();
        GradeResult r = grade(key, "$\\lim \\frac{e^x}{\\cos x} = 1$");
        assertThat(r.verified(Aspect.RESULT)).as(r.toString()).hasValue(1.0);
    }

    @Test
    void rootsFoundByTryingValuesDoNotVerifyTheKeysMethod() {
        String key = """
                ∫₁ˣ (2t − 5) dt = [t² − 5t]₁ˣ = x² − 5x + 4.
                x² − 5x + 4 = −2  ⇔  x² − 5x + 6 = 0  ⇔  (x − 2)(x − 3) = 0.
                Answer: x = 2 and x = 3
                """;
        String tried = """
                I tried some numbers.
                x=2: [t^2 - 5t] from 1 to 2 = (4-10) - (1-5) = -6 + 4 = -2
                x=3: [t^2 - 5t] from 1 to 3 = (9-15) - (1-5) = -6 + 4 = -2
                x=2 and x=3
                """;
        GradeResult r = AutoAccept.check(DefaultRubrics.forType(ProblemType.CALCULATION, 10, "en"), grade(key, tried));
        assertThat(r.verified(Aspect.RESULT)).as(r.toString()).hasValue(1.0);
        assertThat(r.verified(Aspect.METHOD)).as(r.toString()).isEmpty();
        assertThat(r.needsReview()).as(r.toString()).isTrue();
    }

    @Test
    void probabilityNotationAndRoundedValuesAreWorkingThatHolds() {
        String key = """
                P(X ≤ 1) = P(X = 0) + P(X = 1) = 0.9¹⁰ + C(10,1)(0.1)(0.9)⁹ = 0.3487 + 0.3874 ≈ 0.736

                答案：0.736（即 1.9 × 0.9⁹ ≈ 0.7361）
                """;
        assertThat(MathText.chains("P(X≤1)=P(X=0)+P(X=1)=0.9^10+10×0.1×0.9^9=0.349+0.387=0.736"))
                .containsExactly(List.of("P(X≤1)", "P(X=0)+P(X=1)", "0.9^10+10×0.1×0.9^9", "0.349+0.387", "0.736"));
        GradeResult r = grade(key, "X~B(10,0.1)\nP(X≤1)=P(X=0)+P(X=1)=0.9^10+10×0.1×0.9^9=0.349+0.387=0.736");
        assertThat(r.verified(Aspect.RESULT)).as(r.toString()).hasValue(1.0);
        assertThat(r.reasonTexts()).as(r.toString()).noneMatch(s -> s.contains("without any working"));
        assertThat(r.evidence()).as(r.toString()).noneMatch(e -> e.summary().contains("breaks"));
        // The value written last after "≈" is the final answer.
        assertThat(MathText.finalAnswers("P(X ≤ 1) = 0.3487 + 0.0387 = 0.3874 ≈ 0.387")).containsExactly("0.387");
        assertThat(MathText.finalAnswers("$P \\approx 0.736$")).containsExactly("0.736");
        assertThat(MathText
                .finalAnswers("P(X ≤ 1) = C(10,0)(0.9)¹⁰ + C(10,1)(0.1)(0.9)⁹\n　　 = 0.3487 + 0.3874\n　　 ≈ 0.736"))
                .containsExactly("0.736");
        // Rounded too far is still a step that does not hold.
        assertThat(CasGrader.rounded("0.35", new double[] { 0.3487 }, new double[] { 0.35 })).isTrue();
        assertThat(CasGrader.rounded("0.34", new double[] { 0.3487 }, new double[] { 0.34 })).isFalse();
    }

    @Test
    void spacingAndDifferentialsAreNotSymbols() {
        assertThat(Latex.normalise("\\int x\\,\\mathrm{d}x")).isEqualTo("\\int x dx");
        assertThat(Latex.normalise("a\\ +\\quad b")).isEqualTo("a +  b");
    }

    @Test
    void aMultiLineAlignedDerivationIsCheckedRowByRow() {
        GradeResult right = grade("Answer: $x^2+2x$",
                "$$\\begin{aligned}\n(x+1)^2 - 1 &= x^2 + 2x \\\\\n&= x \\cdot (x+2)\n"
                        + "\\end{aligned}$$");
        assertThat(right.evidence()).as(right.toString())
                .anyMatch(e -> e.kind().equals("cas-steps") && e.summary().startsWith("2 of 2"));
        GradeResult broken = grade("Answer: $x^2+2x$", "$$(x+1)^2 - 1 = x^2 + 2x \\\\\n= x \\cdot (x+3)$$");
        assertThat(broken.evidence()).as(broken.toString())
                .anyMatch(e -> e.kind().equals("cas-steps") && e.summary().contains("breaks"));
    }

    @Test
    void aStepWithSpacingMarkupHoldsInsteadOfBreaking() {
        GradeResult r = grade("Answer: $x^2 + 2x + 1$", "$(x+1)^2 = x^2 + 2\\ x + 1$");
        assertThat(r.evidence()).as(r.toString()).noneMatch(e -> e.summary().contains("breaks"));
        assertThat(r.comment()).doesNotContain("does not hold");
    }

    @Test
    void aFinalAnswerTheCasCannotReadNeverCostsPointsUnflagged() {
        GradeResult r = grade("Answer: 2", "答案：$\\weird{2}{\\zeta}$");
        assertThat(r.score() == null || r.needsReview()).as(r.toString()).isTrue();
    }

    @Test
    void aWrongResultWithUnverifiedWorkingCreditGoesToTheTeacher() {
        GradeResult r = AutoAccept.check(
                DefaultRubrics.forType(ProblemType.CALCULATION, 10, "en"),
                grade("Answer: 2", "The integral is 3."));
        assertThat(r.needsReview()).as(r.toString()).isTrue();
    }

    @ParameterizedTest(name = "{0}: {2} against {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "Find an eigenvector of M for λ = 2. | Answer: $(1, -2)$ | $\\begin{pmatrix} -3 \\\\ 6 \\end{pmatrix}$ | 1.0",
            "Find an eigenvector of M for λ = 2. | Answer: $(1, -2)$ | $\\textbf{v} = \\left(-\\tfrac12,\\ 1\\right)^T$ | 1.0",
            "Find an eigenvector of M for λ = 2. | Answer: $(1, -2)$ | $(1, 2)$                            | 0.0",
            "Solve the system for (x, y).        | Answer: $(1, 2)$  | $(x, y) = (1, 2)$                   | 1.0",
            "Solve the system for (x, y).        | Answer: $(1, 2)$  | $(x, y) = (2, 4)$                   | 0.0",
            // Matrices entry by entry, with a number before them multiplying every entry.
            "Find the inverse of C. | $C^{-1} = \\dfrac12\\begin{pmatrix} 2 & -3 \\\\ -2 & 4 \\end{pmatrix} = \\begin{pmatrix} 1 & -3/2 \\\\ -1 & 2 \\end{pmatrix}$ | $C^{-1} = \\begin{bmatrix} 1 & -\\dfrac{3}{2} \\\\[2pt] -1 & 2 \\end{bmatrix}$ | 1.0",
            "Find the inverse of C. | $C^{-1} = \\begin{pmatrix} 1 & -3/2 \\\\ -1 & 2 \\end{pmatrix}$ | $C^{-1} = \\frac{1}{2}\\begin{bmatrix}2&-3\\\\-2&4\\end{bmatrix}$ | 1.0",
            "Find the inverse of C. | $C^{-1} = \\begin{pmatrix} 1 & -3/2 \\\\ -1 & 2 \\end{pmatrix}$ | $C^{-1} = \\begin{bmatrix}1&-1\\\\-1.5&2\\end{bmatrix}$ | 0.0",
            "Project b onto the line L.  | $\\operatorname{proj}_L b = \\left(\\dfrac{10}{9}, \\dfrac{20}{9}, \\dfrac{20}{9}\\right)$ | $\\dfrac{10}{9}(1, 2, 2)$ | 1.0" })
    void tuplesAreComparedByComponentAndEigenvectorsUpToScale(String stem, String reference, String answer,
            double result) {
        GradeResult r = grader.grade(Inputs.of(ProblemType.CALCULATION, stem, reference, answer));
        assertThat(r.verified(Aspect.RESULT)).as(r.toString()).hasValue(result);
    }

    @Test
    void aVerdictKeyIsComparedByTheStudentsConclusion() {
        String key = "a_n = n²/(n² + 1) → 1 ≠ 0, so the terms do not tend to 0.\nAnswer: diverges";
        assertThat(grade(key, "lim n²/(n² + 1) = 1 ≠ 0, so by the n-th term test the series diverges.")
                .verified(Aspect.RESULT)).hasValue(1.0);
        assertThat(grade(key, "The terms shrink, so the series converges.").verified(Aspect.RESULT)).hasValue(0.0);
    }

    @Test
    void anIntervalWithOtherEndsIsNotTakenForTheSameTuple() {
        GradeResult r = grader.grade(Inputs.of(ProblemType.CALCULATION, "Solve the inequality.", "Answer: $[0, 1)$",
                "Answer: $(0, 1)$"));
        assertThat(r.verified(Aspect.RESULT)).as(r.toString()).isEmpty();
        assertThat(r.reasonTexts()).anyMatch(s -> s.contains("brackets differ"));
    }

    @Test
    void aBareCorrectValueEarnsTheResultOnlyAndGoesToReview() {
        GradeResult r = grade("$\\int_0^1 (2x+1)dx = [x^2+x]_0^1 = 2$\n答案：2", "$= 2$");
        assertThat(r.score()).isEqualTo(3.0);
        assertThat(r.reasonTexts()).contains("correct final answer without any working");
    }

    @Test
    void workingTheCasCannotReadIsNotTakenForNoWorking() {
        String key = "答案：$\\frac{1}{2}$";
        // A limit with o(x²) and a line under a label: working, though no step parses.
        GradeResult r = grader.grade(Inputs.of(ProblemType.CALCULATION, "求极限。", key,
                "用泰勒展开：e^x = 1 + x + x²/2 + o(x²)\n原式 = lim (x²/2 + o(x²))/x² = 0.5"));
        assertThat(r.reasonTexts()).as(r.toString()).noneMatch(s -> s.contains("without any working"))
                .anyMatch(s -> s.contains("could not be read"));
        assertThat(r.score()).isEqualTo(10.0);
        assertThat(AutoAccept.check(Inputs.of(ProblemType.CALCULATION, "求极限。", key, ""), r).needsReview())
                .as("credit for unread working is the teacher's").isTrue();
        // The problem written again before its value is no working.
        GradeResult restated = grader.grade(Inputs.of(ProblemType.CALCULATION, "求极限。", key,
                "lim_{x→0} (e^x − 1 − x)/x² = 1/2"));
        assertThat(restated.reasonTexts()).as(restated.toString()).contains("correct final answer without any working");
        assertThat(restated.score()).isEqualTo(3.0);
    }

    @Test
    void aRubricThatCreditsOnlyTheResultMissesNothingInABareValue() {
        GradingInput in = Inputs.withRubric(Inputs.of(ProblemType.CALCULATION, "Compute the value.", "Answer: 2",
                "2"), List.of(new RubricItem("blanks: the result only", 10, "result")));
        GradeResult r = grader.grade(in);
        assertThat(r.score()).isEqualTo(10.0);
        assertThat(r.reasonTexts()).as(r.toString()).isEmpty();
    }

    @Test
    void aPercentageIsTheShareTheKeyWritesAsADecimal() {
        assertThat(grade("Answer: 0.736", "P(A|B) = 0.3680/0.5 = 73.6%").evidence()).as("73.6%")
                .anyMatch(e -> e.kind().equals("cas-result") && e.summary().contains(" is equivalent"));
        assertThat(grade("Answer: 0.161", "$P(D|+) = 0.0095/0.059 = 16.1\\%$").evidence()).as("16.1\\%")
                .anyMatch(e -> e.kind().equals("cas-result") && e.summary().contains(" is equivalent"));
        assertThat(grade("Answer: 0.736", "P(A|B) = 0.3680/0.5 = 63.6%").evidence()).as("63.6%")
                .anyMatch(e -> e.kind().equals("cas-result") && e.summary().contains("is not equivalent"));
        // One figure is too coarse to accept.
        assertThat(grade("Answer: 0.736", "P(A|B) = 0.3680/0.5 = 7%").verified(Aspect.RESULT)).isEmpty();
    }

    @Test
    void anIndeterminateFormGivenAValueIsAStepThatDoesNotHold() {
        assertThat(CasGrader.indeterminateValued("(1/2)ln(b − 1) − (1/2)ln(b + 1) → ∞ − ∞", " 0")).isTrue();
        assertThat(CasGrader.indeterminateValued("$\\frac{0}{0}$", "1")).isTrue();
        assertThat(CasGrader.indeterminateValued("lim_{x→0} sin x / x", "1")).isFalse();
        GradeResult r = grade("Answer: ½ ln 3", "(1/2)ln(b − 1) − (1/2)ln(b + 1) → ∞ − ∞ = 0\n"
                + "= 0 − [(1/2)ln 1 − (1/2)ln 3] = (1/2) ln 3 = 0.549");
        assertThat(r.evidence()).as(r.toString()).anyMatch(e -> e.kind().equals("cas-steps")
                && e.summary().contains("∞ − ∞ = 0"));
        assertThat(r.verified(Aspect.DERIVATION).orElse(1)).isLessThan(1);
        // The value is right, but the key decides what the wrong step costs.
        assertThat(r.reasonTexts()).anyMatch(s -> s.contains("a step of the working does not hold"));
    }

    @Test
    void eachQuantityTheKeyNamesIsComparedWithTheStudentsValueForIt() {
        String key = "答案：E(X) = 0.7，D(X) = 1.41";
        GradeResult right = grade(key, "E(X) = −0.2 + 0.1 + 0.8 = 0.7\nE(X²) = 1.9\n答：E(X) = 0.7，D(X) = 1.41");
        assertThat(right.verified(Aspect.RESULT)).as(right.toString()).hasValue(1.0);
        GradeResult swapped = grade(key, "答：E(X) = 1.41，D(X) = 0.7");
        assertThat(swapped.verified(Aspect.RESULT).orElse(0)).as(swapped.toString()).isLessThan(1.0);
        GradeResult half = grade(key, "E(X) = 0.7\nD(X) = 1.9 − 0.7 = 1.2");
        assertThat(half.verified(Aspect.RESULT).orElse(0)).as(half.toString()).isBetween(0.0, 0.99);
    }

    @Test
    void blanksTheKeyNamesInWordsAreEachComparedWithTheStudentsValueForThem() {
        String key = """
                - Subnet mask: Answer: 255.255.255.192. The binary form is also accepted.
                - Usable hosts: Answer: 62 (= 2^6 − 2).
                - First usable host: Answer: 192.168.10.65 (192.168.10.64 is the network address: 0).
                - Broadcast address: Answer: 192.168.10.127.

                Each blank is marked on its own.""";
        for (String answer : List.of(
                "Subnet mask: 255.255.255.192\nUsable hosts: 2^6 - 2 = 62\nFirst usable host: 192.168.10.65\n"
                        + "Broadcast address: 192.168.10.127",
                "Mask 11111111.11111111.11111111.11000000, hosts = 62, first = 192.168.10.65, "
                        + "broadcast = 192.168.10.127",
                "broadcast: 192.168.10.127\nfirst host 192.168.10.65\nhosts: 62\nmask = 255.255.255.192")) {
            GradeResult r = grade(key, answer);
            assertThat(r.verified(Aspect.RESULT)).as(answer + ": " + r).hasValue(1.0);
        }
        GradeResult oneWrong = grade(key, "mask = 255.255.255.192\nhosts = 64\nfirst host = 192.168.10.65\n"
                + "broadcast = 192.168.10.127");
        assertThat(oneWrong.verified(Aspect.RESULT)).as(oneWrong.toString()).hasValue(0.75);
        GradeResult networkForFirst = grade(key, "mask = 255.255.255.192\nhosts = 62\n"
                + "first usable host 192.168.10.64\nbroadcast = 192.168.10.127");
        assertThat(networkForFirst.verified(Aspect.RESULT)).as(networkForFirst.toString()).hasValue(0.75);
        // "/26" for the mask is no value a tool can compare with an address: the teacher decides.
        GradeResult prefix = grade(key, "subnet mask: /26\nhosts = 62\nfirst = 192.168.10.65\nbroadcast = "
                + "192.168.10.127");
        assertThat(prefix.verified(Aspect.RESULT)).as(prefix.toString()).isEmpty();
        assertThat(prefix.reasonTexts()).anyMatch(s -> s.contains("blank “Subnet mask”"));
        GradeResult nothing = grade(key, "I don't know how to do this one.");
        assertThat(nothing.verified(Aspect.RESULT)).as(nothing.toString()).isEmpty();
        assertThat(nothing.needsReview()).isTrue();
    }

    @Test
    void namedBlanksNeedTwoValuedLinesAndAnAddressIsItsBits() {
        assertThat(NamedBlanks.ofKey("Answer: 62\nWorking: 2^6 - 2 = 62")).isEmpty();
        assertThat(NamedBlanks.ofKey("- Hit time: 120 ns\n- Miss time: 220 ns")).isEmpty();
        assertThat(NamedBlanks.ofKey("可用主机数：62\n广播地址：192.168.10.127")).extracting(NamedBlanks.Blank::value)
                .containsExactly("62", "192.168.10.127");
        assertThat(NamedBlanks.answered("主机数 = 62；广播 192.168.10.127",
                NamedBlanks.ofKey("可用主机数：62\n广播地址：192.168.10.127"))).containsExactly("62", "192.168.10.127");
        assertThat(NamedBlanks.ipv4("255.255.255.192")).hasValue("4294967232");
        assertThat(NamedBlanks.ipv4("11111111.11111111.11111111.11000000")).hasValue("4294967232");
        assertThat(NamedBlanks.ipv4("256.1.1.1")).isEmpty();
        assertThat(NamedBlanks.ipv4("1.5")).isEmpty();
    }

    @Test
    void blanksFilledOnOneLineAreTheKeysValuesInOrder() {
        assertThat(MathText.blanks("(1) e²  (2) 1")).containsExactly("e²", "1");
        assertThat(MathText.blanks("e^2    1")).containsExactly("e^2", "1");
        for (String answer : List.of("e^2    1", "(1) e^2  (2) 1")) {
            GradeResult r = grade("答案：$e^{2}$、$1$", answer);
            assertThat(r.verified(Aspect.RESULT)).as(answer + ": " + r).hasValue(1.0);
        }
        GradeResult half = grade("答案：$e^{2}$、$1$", "e^2    2");
        assertThat(half.verified(Aspect.RESULT).getAsDouble()).isBetween(0.0, 0.99);
        assertThat(half.needsReview()).isTrue();
    }

    @Test
    void asymptoticBoundsAreComparedByOrderOfGrowth() {
        String key = "答案：T(n) = Θ(n log n)，case 3\na = 3, b = 4，n^(log₄3) ≈ n^(0.793)";
        GradeResult right = grade(key,
                "a=3, b=4, f(n) = n lg n = Ω(n^{0.79+0.2}), case 3, so $T(n) = \\Theta(n\\lg n)$");
        assertThat(right.evidence()).as(right.toString()).anyMatch(e -> e.summary().contains(" is equivalent"));
        GradeResult wrong = grade(key, "case 2: T(n) = Θ(n log² n)");
        assertThat(wrong.evidence()).as(wrong.toString()).anyMatch(e -> e.summary().contains("is not equivalent"));
        // The right bound written, then another as the conclusion: which one the student meant is the teacher's call.
        GradeResult both = grade(key, "T(n) = Θ(n log n)? No: T(n) = O(n log n)");
        assertThat(both.reasonTexts()).as(both.toString()).anyMatch(t -> t.contains("another kind of bound"));
    }

    @Test
    void aWrongResultEarnsNoResultCredit() {
        GradeResult r = grade("Answer: 2", "The integral is 3.");
        assertThat(r.evidence()).anyMatch(e -> e.summary().contains("is not equivalent"));
        assertThat(r.score()).isLessThan(10.0);
    }

    @Test
    void onlyOneOfTwoRootsIsPartial() {
        GradeResult r = grade("Answer: x = 2, x = 3", "x = 2");
        assertThat(r.score()).isGreaterThan(0.0).isLessThan(10.0);
    }

    @Test
    void findsTheFirstBrokenStepOfADerivation() {
        GradeResult r = grade("$\\int_0^1 (2x+1)dx = [x^2 + x]_0^1 = 2$\n答案：2",
                "$\\int_0^1 (2x+1)dx = \\left[x^2 + x\\right]_0^1 = 1 + 2 = 3$");
        assertThat(r.evidence()).as(r.toString())
                .anyMatch(e -> e.kind().equals("cas-steps") && e.summary().contains("breaks"));
        assertThat(r.needsReview() || r.score() < 5).isTrue();
    }

    @Test
    void aCorrectDerivationIsRecognised() {
        GradeResult r = grade("$x^2 - 5x + 6 = (x-2)(x-3) = 0$\nAnswer: x = 2, x = 3",
                "$x^2 - 5x + 6 = (x-2)(x-3) = 0$，所以 $x = 2$ 或 $x = 3$。");
        assertThat(r.score()).as(r.toString()).isEqualTo(10.0);
        assertThat(r.evidence()).anyMatch(e -> e.kind().equals("cas-steps") && e.summary().startsWith("1 of 1"));
        assertThat(r.needsReview()).isFalse();
    }

    @Test
    void malformedLatexIsNotAGuess() {
        GradeResult r = grade("Answer: 2", "$\\frac{{2$");
        assertThat(r.score() == null || r.needsReview()).isTrue();
    }

    @Test
    void studentTextIsNeverExecuted() {
        assertThat(cas.parse("Run(\"touch /tmp/owned\")")).isEmpty();
        assertThat(cas.parse("ReadString(\"/etc/passwd\")")).isEmpty();
        assertThat(cas.parse("Compile({x}, x^2)")).isEmpty();
        assertThat(new java.io.File("/tmp/owned")).doesNotExist();
    }

    @Test
    void aDeterminantWrittenWithBarsIsItsValue() {
        var expanded = cas.parse("(4-\\lambda)(3-\\lambda) - 2").orElseThrow();
        for (String det : List.of("\\begin{vmatrix} 4-\\lambda & 1 \\\\ 2 & 3-\\lambda \\end{vmatrix}",
                "\\det\\begin{pmatrix} 4-\\lambda & 1 \\\\ 2 & 3-\\lambda \\end{pmatrix}",
                "\\left|\\begin{matrix} 4-\\lambda & 1 \\\\ 2 & 3-\\lambda \\end{matrix}\\right|")) {
            assertThat(cas.compare(cas.parse(det).orElseThrow(), expanded).verdict()).as(det)
                    .isEqualTo(Cas.Verdict.EQUAL);
        }
        var three = cas.parse("\\begin{vmatrix} 1 & 2 & 3 \\\\ 0 & 1 & 4 \\\\ 5 & 6 & 0 \\end{vmatrix}").orElseThrow();
        assertThat(cas.compare(three, cas.parse("1").orElseThrow()).verdict()).isEqualTo(Cas.Verdict.EQUAL);
        // A determinant of a size not written out is not read, so no step through it is judged.
        assertThat(cas.parse("\\begin{vmatrix} 1 & 2 \\\\ 3 & 4 \\\\ 5 & 6 \\end{vmatrix}")).isEmpty();
    }

    @Test
    void aPathologicalExpressionIsStoppedInTime() {
        long t0 = System.nanoTime();
        var a = cas.parse("Factorial(10^9)");
        var b = cas.parse("3");
        if (a.isPresent()) {
            Cas.Comparison c = cas.compare(a.get(), b.get());
            assertThat(c.verdict()).isIn(Cas.Verdict.UNKNOWN, Cas.Verdict.DIFFERENT);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void booleanFormsInPrimeAndOverlineNotationAreEqual() {
        String stem = "用卡诺图化简函数 $F(A,B,C,D)$，写出最简与或式。";
        GradeResult r = grader.grade(Inputs.of(ProblemType.CALCULATION, stem,
                "$F = \\overline{A}\\,\\overline{C} + \\overline{B}\\,\\overline{D} + A\\overline{B}C$",
                "F = A'C' + B'D' + AB'C"));
        assertThat(r.score()).isEqualTo(10.0);
        assertThat(r.evidence()).anyMatch(e -> e.kind().equals("cas-boolean") && e.summary().contains("equals"));
    }

    @Test
    void booleanAnswersAreCheckedAgainstTheStemsMinterms() {
        String stem = "用卡诺图化简 $F(A,B,C) = \\sum m(0,1,2,3,7)$。";
        assertThat(grader.grade(Inputs.of(ProblemType.CALCULATION, stem, "$F = \\overline{A} + BC$", "F = A' + BC"))
                .score()).isEqualTo(10.0);
        GradeResult wrong = grader.grade(Inputs.of(ProblemType.CALCULATION, stem, "$F = \\overline{A} + BC$",
                "$F = A + BC$"));
        assertThat(wrong.score()).isLessThan(5.0);
        assertThat(wrong.evidence()).anyMatch(e -> e.summary().contains("differs"));
    }

    @Test
    void aKeyThatContradictsTheStemLeavesTheScoreToTheTeacher() {
        String stem = "化简 $F(A,B,C) = \\sum m(0,1,2,3,7)$。";
        GradeResult r = grader.grade(Inputs.of(ProblemType.CALCULATION, stem, "$F = \\overline{A}$", "F = A' + BC"));
        assertThat(r.score()).isNull();
        assertThat(r.method()).isEqualTo(GradeMethod.NONE);
        assertThat(r.reasonTexts()).anyMatch(x -> x.contains("answer key"));
        assertThat(r.evidence()).anyMatch(e -> e.summary().contains("equals the problem's minterms"));
    }

    @Test
    void constantsTheStudentFoundAreSubstitutedIntoTheirResult() {
        GradeResult r = grade("所以 $a_n = 2 \\cdot 3^n + 1$",
                "通解 $a_n = c_1 3^n + c_2$\n解得 $c_1 = 2, c_2 = 1$");
        assertThat(r.evidence()).anyMatch(e -> e.kind().equals("cas-result") && e.summary().contains("is equivalent")
                && e.summary().contains("own values"));
    }

    @Test
    void theFinalAnswerIsTheOneForWhatWasAsked() {
        GradeResult r = grade("所以 $a_n = 2^n$",
                "代入 $a_1 = 2c = 2$，解得 $c = 1$。\n所以 $a_n = 2^n$。\n验证 $a_2 = 4$");
        assertThat(r.evidence()).anyMatch(e -> e.kind().equals("cas-result") && e.summary().contains("is equivalent"));
    }

    static final String PARTS_KEY_EN = """
            (a) [5] v = v0 + a t = 0 + (2.50 m/s^2)(10.0 s) = 25.0 m/s = 90.0 km/h
            Answer: v = 25.0 m/s (= 90.0 km/h)
            (b) [5] d = v0 t + (1/2) a t^2 = (1/2)(2.50)(10.0)^2 = 125 m
            Answer: d = 125 m
            """;

    static final String PARTS_KEY_ZH = """
            （1）v₀ = 72 km/h = 72/3.6 m/s = 20 m/s。（3分）
            （2）由 v₀² = 2ax 得 x = v₀²/(2a) = 400/8.0 = 50 m。公式3分，结果3分。
            """;

    @Test
    void eachPartOfAMultiPartKeyIsComparedWithItsOwnResult() {
        GradeResult right = grader.grade(Inputs.of(ProblemType.CALCULATION, "A car accelerates.", PARTS_KEY_EN,
                "(a) v = v0 + a t = 0 + 2.5 x 10 = 90 km/h\n(b) d = (1/2) a t^2 = 0.5 x 2.5 x 100 = 125 m"));
        assertThat(right.verified(Aspect.RESULT)).as(right.toString()).hasValue(1.0);
        assertThat(right.verified(Aspect.UNIT)).hasValue(1.0);
        assertThat(right.reviewReasons()).as(right.toString()).isEmpty();
        assertThat(right.score()).isEqualTo(10.0);

        GradeResult half = grader.grade(Inputs.of(ProblemType.CALCULATION, "A car accelerates.", PARTS_KEY_EN,
                "(a) v = a t = 25 m/s\n(b) d = v t = 25 x 10 = 250 m"));
        assertThat(half.verified(Aspect.RESULT)).as(half.toString()).hasValue(0.5);
        assertThat(half.needsReview()).isTrue();
    }

    @Test
    void eachPartOfAChineseKeyIsComparedByOrderWhenTheLabelsDiffer() {
        GradeResult r = grader.grade(Inputs.of(ProblemType.CALCULATION, "汽车刹车问题。", PARTS_KEY_ZH,
                "1) v0 = 72 km/h = 72/3.6 = 20 m/s\n2) x = v0²/(2a) = 400/8 = 50 m"));
        assertThat(r.verified(Aspect.RESULT)).as(r.toString()).hasValue(1.0);
    }

    @Test
    void aPartThatCannotBePairedIsNotCheckedAndNotScoredWrong() {
        GradeResult r = grader.grade(Inputs.of(ProblemType.CALCULATION, "汽车刹车问题。", PARTS_KEY_ZH,
                "v0 = 20 m/s，x = 50 m"));
        assertThat(r.verified(Aspect.RESULT)).isEmpty();
        assertThat(r.reasonTexts()).anyMatch(x -> x.contains("part (1)") && x.contains("not compared"));
    }

    @Test
    void aNumberWithoutTheKeysUnitIsLeftToTheKeysRule() {
        GradeResult r = grader.grade(Inputs.of(ProblemType.CALCULATION, "A car accelerates.", PARTS_KEY_EN,
                "(a) v = a t = 2.5 x 10 = 25\n(b) d = (1/2) a t^2 = 125 m"));
        assertThat(r.verified(Aspect.UNIT)).hasValue(0.0);
        assertThat(r.reasonTexts()).anyMatch(x -> x.contains("part (a)") && x.contains("unit"));
    }

    @ParameterizedTest(name = "{1} is {0}")
    @CsvSource(delimiter = '|', value = {
            "Answer: π/4 − 1/2           | = π/4 − ½ ≈ 0.2854",
            "Answer: π/4 − 1/2           | 结果为 0.285",
            "答案：$\\frac{1}{2}\\ln 3$ | 结果 ≈ 0.549" })
    void aDecimalThatAgreesToItsDigitsIsTheExactValue(String reference, String answer) {
        GradeResult r = grade(reference, answer);
        assertThat(r.verified(Aspect.RESULT)).as(r.toString()).hasValue(1.0);
    }

    @Test
    void aDecimalWithTooFewFiguresIsNoRoundingOfTheExactValue() {
        GradeResult r = grade("Answer: π/4 − 1/2", "≈ 0.3");
        assertThat(r.verified(Aspect.RESULT)).as(r.toString()).hasValue(0.0);
    }

    @Test
    void definitionsAndLawsAreNoStepsThatBreak() {
        assertThat(grader.checkChains("By parts with u = arctan x,   dv = x dx, du = dx/(1+x^2)").firstBroken())
                .isNull();
        assertThat(grader.checkChains("（1）mg = mv²/L，v = √(gL)").firstBroken()).isNull();
        assertThat(grader.checkChains("(a) T - f_k = m a").firstBroken()).isNull();
        // A rewriting of one expression is still checked.
        assertThat(grader.checkChains("(x+1)^2 = x^2 + 1").firstBroken()).isNotNull();
    }

    static GradeResult withTolerance(String reference, String answer, double tolerance) {
        GradingInput in = Inputs.of(ProblemType.CALCULATION, "A projectile.", reference, answer);
        return grader.grade(new GradingInput(in.problemId(), in.type(), in.stem(), in.rubric(), in.maxScore(),
                in.referenceAnswer(), in.choices(), in.correctChoices(), in.testCases(), in.language(), in.answer(),
                List.of(new KeyPolicy(PolicyKind.UNIT_TOLERANCE, "we accept any value within ±1% of the key value",
                        tolerance, List.of()))));
    }

    static final String TWO_PARTS = "(a) [5] t = 2(10.0)/9.80 = 2.04 s\nAnswer: t = 2.04 s\n"
            + "(b) [10] R = (17.32)(2.041) = 35.3 m\nAnswer: R = 35.3 m";

    @Test
    void theKeysStatedToleranceDecidesAPartsValue() {
        GradeResult inside = withTolerance(TWO_PARTS, "a) t = 2 x 10/9.81 = 2.04 s\nb) R = 17.3 x 2.04 = 35.3 m", 0.01);
        assertThat(inside.verified(Aspect.RESULT)).as(inside.toString()).hasValue(1.0);
        GradeResult outside = withTolerance(TWO_PARTS, "a) t = 2 x 10/10 = 2.00 s\nb) R = 17.3 x 2.0 = 34.6 m", 0.01);
        assertThat(outside.verified(Aspect.RESULT)).as(outside.toString()).hasValue(0.0);
    }

    @Test
    void aValueWithOneSignificantFigureIsLeftToTheKeysFiguresRule() {
        GradeResult r = grader.grade(Inputs.of(ProblemType.CALCULATION, "小球做圆周运动。",
                "（1）v = √(gL) = √(9.8×0.50) = 2.2 m/s。方程4分，结果3分。\n（2）T = 1.96 + 14.4 = 16 N。方程4分，结果4分。",
                "（1）v = √(gL) = 2 m/s\n（2）T = mg + mv²/L = 16 N"));
        assertThat(r.verified(Aspect.RESULT)).isEmpty();
        assertThat(r.reasonTexts()).anyMatch(x -> x.contains("part (1)") && x.contains("significant figure"));
    }

    /**
     * A right number by a wrong formula (0.8·(20+100) + 0.2·(20+100) + 20 = 140) reaches none of the key's steps: the
     * key's result and what merely sums to it are no steps, so where the key warns of it the teacher checks the method.
     */
    @Test
    void aRightNumberReachedByNoneOfTheKeysStepsGoesToReview() {
        String key = "Answer: EMAT = 140 ns\n\nWorking: hit = 20 + 100 = 120 ns, miss = 20 + 100 + 100 = 220 ns,\n"
                + "EMAT = 0.8 × 120 + 0.2 × 220 = 96 + 44 = 140 ns.\n"
                + "A formula that is not valid but whose numbers happen to give 140: 4 marks.";
        GradeResult wrongWay = grade(key, "EMAT = 0.8 × (20 + 100) + 0.2 × (20 + 100) + 20\n= 96 + 24 + 20\n= 140 ns");
        assertThat(wrongWay.reviewReasons()).anySatisfy(m -> assertThat(m.code())
                .isEqualTo(ai.smartai.model.common.MessageCode.REVIEW_CAS_OTHER_METHOD.code()));
        GradeResult keysWay = grade(key, "hit = 20 + 100 = 120 ns, miss = 20 + 100 + 100 = 220 ns\n"
                + "EMAT = 0.8 × 120 + 0.2 × 220 = 140 ns");
        assertThat(keysWay.reviewReasons()).noneSatisfy(m -> assertThat(m.code())
                .isEqualTo(ai.smartai.model.common.MessageCode.REVIEW_CAS_OTHER_METHOD.code()));
        // A key that does not warn of it trusts a right number reached by working of the student's own.
        GradeResult unwarned = grade(key.substring(0, key.lastIndexOf('\n')),
                "EMAT = 0.8 × (20 + 100) + 0.2 × (20 + 100) + 20\n= 96 + 24 + 20\n= 140 ns");
        assertThat(unwarned.reviewReasons()).noneSatisfy(m -> assertThat(m.code())
                .isEqualTo(ai.smartai.model.common.MessageCode.REVIEW_CAS_OTHER_METHOD.code()));
    }

    /**
     * A key in a notation the CAS misreads (binary with a B suffix): its own step "−13.625 = −1101.101B" fails as read,
     * so an answer whose result differs from it is the teacher's, not a confident zero.
     */
    @Test
    void aResultThatDiffersFromAKeyWhoseOwnStepsFailGoesToReview() {
        String key = "−13.625 = −1101.101B = −1.101101B × 2^3\n阶码 E = 3 + 127 = 130\n机器码：**C15A0000H**";
        GradeResult r = grade(key, "−13.625 = −1.101101 × 2^3，E = 130，机器码 C15A0000H");
        assertThat(r.reviewReasons()).anySatisfy(m -> assertThat(m.code())
                .isEqualTo(ai.smartai.model.common.MessageCode.REVIEW_CAS_KEY_MISREAD.code()));
        assertThat(r.confidence()).isLessThanOrEqualTo(0.6);
        // A key whose steps all hold keeps a wrong result's confident score.
        GradeResult wrong = grade("x = 2 + 3 = 5", "x = 2 + 3 = 6");
        assertThat(wrong.reviewReasons()).noneSatisfy(m -> assertThat(m.code())
                .isEqualTo(ai.smartai.model.common.MessageCode.REVIEW_CAS_KEY_MISREAD.code()));
    }
}
