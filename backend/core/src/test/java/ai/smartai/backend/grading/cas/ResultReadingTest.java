package ai.smartai.backend.grading.cas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading results as teachers and students write them, in Chinese and in English. */
class ResultReadingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            // One line in both languages: the result once, not "$1$ / Answer: $1$" read as words.
            "`答案：$\\dfrac12$；$1$ / Answer: $1/2$; $1$`   | `$\\dfrac12$；$1$`",
            "`Answer: $1$ / 答案：$1$`                       | $1$",
            "`**答案**：$2$ / **Answer**: $2$`               | $2$",
            // The English line after the Chinese one translates it: one result, not two parts.
            "`答案：$x=2$\nAnswer: $x=2$`                    | $x=2$",
            "`Answer: $e^{2}$\n答案：$e^{2}$\n\nMarking: 4`  | $e^{2}$" })
    void aBilingualAnswerLineStatesOneResult(String key, String result) {
        assertThat(MathText.keyResult(key.replace("\\n", "\n"))).isEqualTo(result);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`Cofactor expansion: $2(-8) - 1(-4) + 3(1)$.\n\n**$\\det A = -9$**\n\n- (3 pts) a valid method` | `$\\det A = -9$`",
            "`Eliminate: $z = 3$, $y = 2$.\n**$(x, y, z) = (1, 2, 3)$**\n- (3 pts) the solution stated as a triple` | `$(x, y, z) = (1, 2, 3)$`",
            "`代入上下限得 $e-(e-1)$。\n**$\\int_0^1 xe^x\\,dx = 1$**（结果项）\n- [4 分] 分部积分` | `$\\int_0^1 xe^x\\,dx = 1$`" })
    void aLineInBoldWithMathsIsTheKeysResult(String key, String result) {
        assertThat(MathText.keyResult(key.replace("\\n", "\n"))).isEqualTo(result);
    }

    @Test
    void aSentenceThatEndsWithItsValueStatesThatValueAndProseIsNoMaths() {
        assertThat(MathText.finalAnswers("L'Hôpital twice.\nAnswer: the limit is 1")).containsExactly("1");
        assertThat(MathText.finalAnswers("Answer: the top of the ladder is sliding down at 0.45 m/s"))
                .containsExactly("0.45 m/s");
        // Words a relaxed parser would multiply as letters are not maths.
        assertThat(Cas.parseNow("it converges")).isEmpty();
        assertThat(Cas.parseNow("applying the rule once more")).isEmpty();
        assertThat(Cas.parseNow("lambda^2 + theta")).isPresent();
    }

    @Test
    void aLastLineInBoldIsTheStudentsResultNotTheSentenceBeforeIt() {
        assertThat(MathText.finalAnswers("So $z = 3$, $y = 2$, $x = 1$.\n\n**(x, y, z) = (1, 2, 3)**"))
                .containsExactly("(1, 2, 3)");
        assertThat(MathText.finalAnswers("所以 $z = 3$，$y = 2$，$x = 1$。\n**$(x, y, z) = (1, 2, 3)$**\n"))
                .containsExactly("(1, 2, 3)");
        // Bold words at the end state no result: the answer line before them does.
        assertThat(MathText.finalAnswers("So x = 2.\n**Done**")).containsExactly("2");
        assertThat(MathText.finalAnswers("所以 x = 2。\n**完**")).containsExactly("2");
    }

    @Test
    void aMatrixInADisplayStaysWholeAndACheckAfterTheResultIsNoResult() {
        String answer = """
                $\\det C = 2 \\neq 0$, so

                $$
                C^{-1} = \\frac{1}{2}\\begin{bmatrix} 2 & -3 \\\\ -2 & 4 \\end{bmatrix} = \\begin{bmatrix} 1 & -\\tfrac32 \\\\ -1 & 2 \\end{bmatrix}
                $$

                Check: $\\begin{bmatrix} 4 & 3 \\\\ 2 & 2 \\end{bmatrix} C^{-1} = I$. ✓
                """;
        assertThat(MathText.finalAnswers(answer))
                .containsExactly("\\begin{bmatrix} 1 & -\\tfrac32 \\\\ -1 & 2 \\end{bmatrix}");
        // A check alone is all there is: it stays.
        assertThat(MathText.finalAnswers("验证：$x = 2$")).containsExactly("2");
    }

    @Test
    void boldWordsAndTwoBoldResultsAreNoOneResult() {
        String words = "**Equivalent forms are accepted everywhere**: fractions or decimals.\n$x = 2$";
        assertThat(MathText.keyResult(words)).isEqualTo(words);
        String two = "**$x = 2$**\n**$y = 3$**";
        assertThat(MathText.keyResult(two)).isEqualTo(two);
        String zh = "**注意**：结果须化简。\n$x = 2$";
        assertThat(MathText.keyResult(zh)).isEqualTo(zh);
    }

    @Test
    void twoAnswerLinesInOneLanguageAreStillTwoResults() {
        String key = "(a) Answer: t = 2.04 s\n(b) Answer: R = 35.3 m";
        assertThat(MathText.keyResult(key)).isEqualTo(key);
        String zh = "（1）答案：t = 2.04 s\n（2）答案：R = 35.3 m";
        assertThat(MathText.keyResult(zh)).isEqualTo(zh);
    }

    @Test
    void boldAroundAResultIsEmphasisNotMaths() {
        assertThat(MathText.values("P(+) = **0.059**")).containsExactly("0.059");
        assertThat(MathText.values("所以 $P = $ **0.059**")).containsExactly("0.059");
    }

    @Test
    void theValueOfANamedQuantityIsTheOneWrittenLastAfterAnApproximation() {
        assertThat(MathText.valuesFor("P(B) = 0.5*0.02 + 0.3*0.05 + 0.2*0.04 ≈ 0.033", "P")).containsExactly("0.033");
        assertThat(MathText.valuesFor("全概率公式：$P(B) = 0.5\\times0.02 + 0.3\\times0.05 \\approx 0.025$", "P"))
                .containsExactly("0.025");
    }

    @Test
    void aResultNamingSeveralQuantitiesIsReadEquationByEquation() {
        assertThat(MathText.finalSubjects("E(X) = 0.7，D(X) = 1.41")).containsExactly("E", "D");
        assertThat(MathText.valuesFor("答：E(X) = 0.7，D(X) = 1.41", "E")).containsExactly("0.7");
        assertThat(MathText.valuesFor("答：E(X) = 0.7，D(X) = 1.41。", "D")).containsExactly("1.41");
        // Roots and a repeated quantity name no quantity each; a comma inside brackets separates no equations.
        assertThat(MathText.finalSubjects("x = 2, y = 3")).isEmpty();
        assertThat(MathText.finalSubjects("a = 2, a = 3")).isEmpty();
        assertThat(MathText.finalSubjects("f(1, 2) = 5")).isEmpty();
        assertThat(MathText.valuesFor("S = \\{1, 2\\}", "S")).containsExactly("\\{1, 2\\}");
    }

    /** Several formulas joined by "和" or commas are each a value; a named quantity with its unit is one. */
    @Test
    void aResultOfSeveralFormulasIsEachOnesValue() {
        String key = MathText.keyResult("答案：**$2^9=512$** 和 **$2^6=64$**\n\n评分：每空5分。");
        assertThat(MathText.finalAnswers(key)).containsExactly("512", "64");
        assertThat(MathText.finalAnswers(MathText.keyResult("答案：$x=1$ 和 $x=3$"))).containsExactly("1", "3");
        assertThat(MathText.keyResult("Answer: EMAT = 140 ns\n\nWorking: 0.8 × 120 + 0.2 × 220 = 140 ns."))
                .isEqualTo("EMAT = 140 ns");
        assertThat(MathText.finalAnswers("EMAT = 140 ns")).containsExactly("140 ns");
        // A count's measure word after the value is no unit.
        assertThat(MathText.finalAnswers("用排除法：$A_6^5 = 720$，\n所以五位数有 $720 - 120 = 600$ 个。"))
                .containsExactly("600");
    }
}
