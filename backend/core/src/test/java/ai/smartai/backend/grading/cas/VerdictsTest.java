package ai.smartai.backend.grading.cas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VerdictsTest {

    @Test
    void aKeyLineIsAVerdictOnlyWhenItSaysNothingElse() {
        assertThat(Verdicts.ofKey("diverges")).hasValueSatisfying(v -> assertThat(v.kind())
                .isEqualTo(Verdicts.Kind.DIVERGES));
        assertThat(Verdicts.ofKey("The series converges absolutely.")).hasValueSatisfying(v -> assertThat(v.how())
                .isEqualTo("absolutely"));
        assertThat(Verdicts.ofKey("级数发散")).isPresent();
        // A value with a gloss is a value.
        assertThat(Verdicts.ofKey("½ ln 3 (converges; ≈ 0.549)")).isEmpty();
        assertThat(Verdicts.ofKey("converges to 2")).isEmpty();
    }

    @ParameterizedTest(name = "{1} against {0}")
    @CsvSource(delimiter = '|', value = {
            "diverges | By the limit comparison test with 1/n the series diverges.           | true",
            "diverges | The terms do not converge to 0, so the series does not converge.      | true",
            "diverges | The series converges by the ratio test.                               | false",
            "diverges | 由比较判别法，级数发散。                                                  | true",
            "converges absolutely | The series of absolute values converges, so it converges absolutely. | true",
            "converges absolutely | It converges conditionally.                                  | false",
            // A discussion naming both, concluded by a sentence that says which.
            "converges | If p ≤ 1 it would diverge. Here p = 2 > 1. Therefore the series converges. | true" })
    void theStudentsVerdictIsTheOneTheirAnswerConcludesWith(String key, String answer, boolean right) {
        assertThat(Verdicts.of(answer).flatMap(v -> Verdicts.agree(Verdicts.ofKey(key).orElseThrow(), v)))
                .hasValue(right);
    }

    @Test
    void whatCannotBeToldIsLeftToTheTeacher() {
        // Both named and no concluding sentence.
        assertThat(Verdicts.of("Converges for p > 1, diverges for p ≤ 1.")).isEmpty();
        // The key says how; the student does not.
        assertThat(Verdicts.agree(Verdicts.ofKey("converges conditionally").orElseThrow(),
                Verdicts.of("The series converges.").orElseThrow())).isEmpty();
        assertThat(Verdicts.of("The limit is 0.")).isEmpty();
    }
}
