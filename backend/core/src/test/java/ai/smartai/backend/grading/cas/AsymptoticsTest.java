package ai.smartai.backend.grading.cas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ai.smartai.backend.grading.cas.Asymptotics.Kind;

class AsymptoticsTest {

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource(delimiter = '|', value = {
            "Θ(n log n)                      | $\\Theta(n\\lg n)$",
            "Θ(n log n)                      | Θ(nlogn)",
            "Θ(n log n)                      | T(n) = Θ(n \\log_2 n)",
            "Θ(n log n)                      | Θ(3n log₂ n + 7n)",
            "Θ(n^(log₄3))                    | $\\Theta(n^{\\log_4 3})$",
            "Θ(n^(log₄3))                    | Θ(n^0.79)",
            "Θ(n^(log₄3))                    | Θ(n^{0.793})",
            "O(n²)                           | O(n^2 + n)",
            "O(n^2)                          | $O\\left(\\frac{n^2}{2}\\right)$",
            "Θ(log² n)                       | Θ((\\log n)^2)",
            "Θ(√n)                           | Θ(n^{1/2})",
            "Θ(2^n)                          | Θ(2^n + n^3)",
            "Θ(1)                            | Θ(5)",
            "Θ(n)                            | Θ(n log n / log n)" })
    void theSameOrderOfGrowthWrittenTwoWays(String key, String answer) {
        var k = Asymptotics.last(key).orElseThrow();
        var a = Asymptotics.last(answer).orElseThrow();
        assertThat(a.same(k)).as(a + " against " + k).isTrue();
    }

    @ParameterizedTest(name = "{0} ≁ {1}")
    @CsvSource(delimiter = '|', value = {
            "Θ(n log n)                      | Θ(n log² n)",
            "Θ(n log n)                      | Θ(n)",
            "Θ(n)                            | Θ(n^2)",
            "Θ(n^(log₄3))                    | Θ(n^0.9)",
            "Θ(2^n)                          | Θ(3^n)",
            "Θ(1)                            | Θ(log n)",
            "Θ(n log n)                      | O(n log n)" })
    void differentGrowthsOrKindsAreNotTheSame(String key, String answer) {
        var k = Asymptotics.last(key).orElseThrow();
        var a = Asymptotics.last(answer).orElseThrow();
        assertThat(a.same(k)).as(a + " against " + k).isFalse();
    }

    @Test
    void whatItCannotReadItLeavesAlone() {
        assertThat(Asymptotics.last("Θ(V + E)")).isEmpty();
        assertThat(Asymptotics.last("O(n!)")).isEmpty();
        assertThat(Asymptotics.last("Θ(log log n)")).isEmpty();
        assertThat(Asymptotics.last("FOO(n) = 3")).isEmpty();
        assertThat(Asymptotics.last("the case where n = 0 (base case)")).isEmpty();
    }

    @Test
    void aBoundKnowsWhatItBoundsAndItsKind() {
        var bounds = Asymptotics.all("f(n) = n log n = Ω(n^{0.99}) ，所以 $T(n) = \\Theta(n \\log n)$");
        assertThat(bounds).extracting(Asymptotics.Bound::kind).containsExactly(Kind.OMEGA, Kind.THETA);
        assertThat(bounds.get(1).subject()).isEqualTo("T(n)");
        var key = Asymptotics.last("答案：T(n) = Θ(n log n)，case 3").orElseThrow();
        assertThat(Asymptotics.on(key, "f(n) = Ω(n^{0.99}); T(n) = Θ(n lg n)")).hasSize(1);
    }
}
