package ai.smartai.backend.grading.cas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ai.smartai.backend.grading.Aspect;
import ai.smartai.backend.grading.GradeResult;
import ai.smartai.backend.grading.Inputs;
import ai.smartai.model.problem.ProblemType;

/** Values with units are compared after conversion, to the significant figures written. */
class UnitsTest {

    static CasGrader grader;

    @BeforeAll
    static void start() {
        grader = new CasGrader();
        grader.cas = new Cas();
    }

    @ParameterizedTest(name = "{0} = {1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "36 km/h                | 10 m/s                  | true",
            "36 km/h                | 10.0 m/s                | true",
            "36 km/h                | 12 m/s                  | false",
            "0.5 s                  | 500 ms                  | true",
            "2.5\\,\\mathrm{ms}     | 0.0025 s                | true",
            "3.0 m/s                | 3.04 m/s                | true",
            "3.00 m/s               | 3.04 m/s                | false",
            "1.2 \\times 10^{3} m   | 1.2 km                  | true",
            "4.7 k\\Omega           | 4700 Ω                  | true",
            "1 A                    | 1 V                     | false" })
    void valuesAgreeAfterConversion(String a, String b, boolean same) {
        assertThat(Units.read(a)).as(a).isPresent();
        assertThat(Units.read(b)).as(b).isPresent();
        assertThat(Units.agree(Units.read(a).get(), Units.read(b).get())).isEqualTo(same);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "2×10⁻³ s       | 2 ms",
            "6.0×10⁵ J      | 600 kJ",
            "4×10³ Ω        | 4 kΩ",
            "66.7 %         | 66.7%" })
    void powersOfTenInSuperscriptsAndPercentagesAreRead(String a, String b) {
        assertThat(Units.agree(Units.read(a).orElseThrow(), Units.read(b).orElseThrow())).isTrue();
    }

    @Test
    void valuesThatRestateOneQuantityAreThatQuantity() {
        // zh: "τ = 2×10⁻³ s，即 2ms"; en: "0.2499 s ≈ 0.250 s"
        assertThat(Units.restated(List.of("2×10⁻³ s", "2ms")).map(Units.Quantity::si)).hasValue(0.002);
        assertThat(Units.restated(List.of("0.2499 s ≈ 0.250 s")).map(Units.Quantity::shown)).hasValue("0.2499 s");
        assertThat(Units.restated(List.of("7.20 W)")).map(Units.Quantity::si)).hasValue(7.2);
        // Two different values are no one result.
        assertThat(Units.restated(List.of("117.6 N", "35.3 N"))).isEmpty();
        assertThat(Units.restated(List.of("2 A", "16 W"))).isEmpty();
        assertThat(Units.restated(List.of("16", "16 W"))).isEmpty();
    }

    @Test
    void amongValuesOfSeveralDimensionsTheOneOfTheKeysDimensionIsTheResult() {
        // zh: "I = 2 A → P_L = 16 W" for the power; en: "mv²/L, 2.2 m/s": the law used has no digit.
        assertThat(Units.restated(List.of("2 A", "16 W"), "power").map(Units.Quantity::si)).hasValue(16.0);
        assertThat(Units.restated(List.of("mv²/L", "221 cm/s"), "speed").orElseThrow().si()).isCloseTo(2.21,
                within(1e-9));
        assertThat(Units.restated(List.of("16.97 N", "3.4 N"), "force")).isEmpty();
        assertThat(Units.restated(List.of("2 A", "x + 3 W"), "power")).isEmpty();
    }

    @Test
    void aShareIsAPercentageOrABareDecimal() {
        assertThat(Units.agree(Units.ratio("3.3%").orElseThrow(), Units.ratio("0.033").orElseThrow())).isTrue();
        assertThat(Units.agree(Units.ratio("66.7 %").orElseThrow(), Units.ratio("0.667").orElseThrow())).isTrue();
        assertThat(Units.agree(Units.ratio("66.7 %").orElseThrow(), Units.ratio("0.60").orElseThrow())).isFalse();
        // LaTeX escapes its percent sign.
        assertThat(Units.agree(Units.ratio("$16.1\\%$").orElseThrow(), Units.ratio("0.161").orElseThrow())).isTrue();
        assertThat(Units.ratio("16 W")).isEmpty();
        assertThat(Units.ratio("x/2")).isEmpty();
    }

    @Test
    void theGraderComparesPartsWhoseResultsAreRestatedOrInPercent() {
        String zh = "（1）τ = RC = 4×10³ × 0.5×10⁻⁶ = 2 ms（4分）\n（2）η = P_L/P_S = 16/24 ≈ 66.7%（4分）";
        GradeResult r = grader.grade(Inputs.of(ProblemType.CALCULATION, "求时间常数和效率。", zh,
                "（1）τ = RC = 4000 × 0.5×10⁻⁶ = 2×10⁻³ s，即 2ms\n（2）η = 16/24 ≈ 66.7 %"));
        assertThat(r.verified(Aspect.RESULT)).as(r.toString()).hasValue(1.0);
        String en = "(a) [5] P = I^2 R = 2^2 × 4 = 16 W\n(b) [5] efficiency = 16/24 ≈ 66.7%";
        GradeResult e = grader.grade(Inputs.of(ProblemType.CALCULATION, "Find the power and the efficiency.", en,
                "(a) I = 12/6 = 2 A, P = I^2 R = 16 W\n(b) efficiency = 16/24 = 0.667"));
        assertThat(e.verified(Aspect.RESULT)).as(e.toString()).hasValue(1.0);
        GradeResult wrong = grader.grade(Inputs.of(ProblemType.CALCULATION, "Find the power and the efficiency.", en,
                "(a) I = 12/6 = 2 A, P = I^2 R = 16 W\n(b) efficiency = 16/32 = 50 %"));
        assertThat(wrong.verified(Aspect.RESULT)).as(wrong.toString()).hasValue(0.5);
    }

    @Test
    void aNumberWithoutAUnitIsNotAQuantity() {
        assertThat(Units.read("10")).isEmpty();
        assertThat(Units.read("x + 3")).isEmpty();
    }

    @Test
    void theGraderComparesAResultInKilometresPerHourWithOneInMetresPerSecond() {
        GradeResult r = grader.grade(Inputs.of(ProblemType.CALCULATION, "Find the speed.", "v = 72 km/h",
                "v = 72000 m / 3600 s = 20 m/s"));
        assertThat(r.verified(Aspect.RESULT)).as(r.toString()).hasValue(1.0);
        GradeResult wrong = grader.grade(Inputs.of(ProblemType.CALCULATION, "Find the speed.", "v = 72 km/h",
                "v = 25 m/s"));
        assertThat(wrong.verified(Aspect.RESULT)).as(wrong.toString()).hasValue(0.0);
    }
}
