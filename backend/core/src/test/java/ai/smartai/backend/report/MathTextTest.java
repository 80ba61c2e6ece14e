package ai.smartai.backend.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A student's LaTeX reads as maths in the PDF; what is not understood stays as written. */
class MathTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "$x^2 - 5x + 6 = 0$              | x² - 5x + 6 = 0",
            "\\frac{a+1}{b}                   | (a+1)/(b)",
            "$\\sqrt{2} \\le x_1 \\times 3$     | √(2) ≤ x₁ × 3",
            "\\int_0^{1} (2x+1)\\,dx = 2       | ∫₀¹ (2x+1) dx = 2",
            "\\alpha \\to \\infty               | α → ∞",
            "x^{2n}                            | x²ⁿ",
            "e^{i\\pi}                         | e^{iπ}",
            "\\unknowncommand{x}               | \\unknowncommand{x}",
            "1 + 3 + \\cdots + (2n-1) = n^2    | 1 + 3 + ⋯ + (2n-1) = n²",
    })
    void makesLatexReadable(String latex, String readable) {
        assertThat(MathText.readable(latex.strip())).isEqualTo(readable.strip());
    }
}
