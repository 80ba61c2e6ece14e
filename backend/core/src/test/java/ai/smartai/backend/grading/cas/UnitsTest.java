package ai.smartai.backend.grading.cas;

import static org.assertj.core.api.Assertions.assertThat;

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
