package ai.smartai.backend.grading.cas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A key's parts and their results, and a student's parts paired with them, in English and in Chinese. */
class PartsTest {

    static final String KEY_EN = """
            [10]  Constant acceleration from rest.
            (a) [5] v = v0 + a t = 0 + (2.50 m/s^2)(10.0 s) = 25.0 m/s = 90.0 km/h
            Answer: v = 25.0 m/s (= 90.0 km/h)
            (b) [5] d = v0 t + (1/2) a t^2 = (1/2)(2.50)(10.0)^2 = 125 m
                (also fine: d = (v0 + v) t / 2, or v^2 = 2 a d)
            Answer: d = 125 m
                   (a) using only the time to the top: 2/5.
            """;

    static final String KEY_ZH = """
            （1）v₀ = 72 km/h = 72/3.6 m/s = 20 m/s。（3分）
            （2）由 v₀² = 2ax 得 x = v₀²/(2a) = 400/8.0 = 50 m。公式3分，结果3分。
              · 直接写出 50 m 而无公式的，给3分。
            （3）T = 0.20×9.8 + 0.20×6.0²/0.50 = 1.96 + 14.4 = 16 N（16.4 N 亦可）。方程4分，结果4分。
            """;

    @Test
    void readsEachPartsResultAndPointsFromAnEnglishKey() {
        assertThat(Parts.ofKey(KEY_EN)).containsExactly(new Parts.KeyPart("a", 5.0, "v = 25.0 m/s"),
                new Parts.KeyPart("b", 5.0, "d = 125 m"));
    }

    @Test
    void aGlossCutOffByTheLinesEndIsNoPartOfTheResult() {
        List<Parts.KeyPart> key = Parts.ofKey("(a) E[X] = 0 + 0.4 + 0.8 + 0.3 = 1.5\n"
                + "(b) E[X²] = 2.9; Var(X) = 2.9 − 1.5² = 0.65 (equivalently Σ(x\n− μ)²p(x))\n");
        assertThat(key).extracting(Parts.KeyPart::result).containsExactly("E[X] = 0 + 0.4 + 0.8 + 0.3 = 1.5",
                "Var(X) = 2.9 − 1.5² = 0.65");
    }

    @Test
    void readsEachPartsResultFromAChineseKeyWithoutAnswerLines() {
        assertThat(Parts.ofKey(KEY_ZH)).containsExactly(
                new Parts.KeyPart("1", 3.0, "v₀ = 72 km/h = 72/3.6 m/s = 20 m/s"),
                new Parts.KeyPart("2", null, "由 v₀² = 2ax 得 x = v₀²/(2a) = 400/8.0 = 50 m"),
                new Parts.KeyPart("3", null, "T = 0.20×9.8 + 0.20×6.0²/0.50 = 1.96 + 14.4 = 16 N"));
    }

    @Test
    void aKeyWithOnePartIsNoMultiPartKey() {
        assertThat(Parts.ofKey("(a) x = 2\nAnswer: x = 2")).isEmpty();
        assertThat(Parts.ofKey("Answer: $\\frac{1}{2}$")).isEmpty();
    }

    @Test
    void splitsAStudentsAnswerByLabelsAfterTheProblemsNumber() {
        Map<String, String> en = Parts.ofAnswer("1) a) v = at = 2.5 x 10 = 25 m/s\nb) d = 1/2 a t^2 = 125 m");
        assertThat(en).containsEntry("a", "v = at = 2.5 x 10 = 25 m/s").containsEntry("b", "d = 1/2 a t^2 = 125 m");
        Map<String, String> zh = Parts.ofAnswer("（1）v0 = 20 m/s\n（2）x = 50 m\n答：位移 50 m");
        assertThat(zh.get("2")).contains("x = 50 m").contains("答：位移 50 m");
    }

    @Test
    void theTextBeforeASecondLabelIsTheFirstPartWhoseLabelWentWithTheProblemsNumber() {
        // "2a) P(pos) = …" is split as problem 2 and leaves the first part unlabelled.
        Map<String, String> en = Parts
                .ofAnswer("P(pos) = 0.0095 + 0.0495 = 0.059\n2b) P(D | pos) = 0.0095/0.059 = 0.161");
        assertThat(en).containsOnlyKeys("a", "b").containsEntry("a", "P(pos) = 0.0095 + 0.0495 = 0.059")
                .containsEntry("b", "P(D | pos) = 0.0095/0.059 = 0.161");
        assertThat(Parts.ofAnswer("v0 = 20 m/s\n（2）x = 50 m")).containsOnlyKeys("1", "2");
        // A third label first is no such part: the text stays unlabelled.
        assertThat(Parts.ofAnswer("intro\n(c) x = 1")).containsOnlyKeys("");
    }

    @Test
    void pairsByLabelElseByOrderElseNot() {
        List<Parts.KeyPart> key = Parts.ofKey(KEY_EN);
        assertThat(Parts.pair(key, Parts.ofAnswer("(a) v = 25 m/s\n(b) d = 125 m"))).containsExactly("v = 25 m/s",
                "d = 125 m");
        assertThat(Parts.pair(key, Parts.ofAnswer("（1）v = 25 m/s\n（2）d = 125 m"))).containsExactly("v = 25 m/s",
                "d = 125 m");
        assertThat(Parts.pair(key, Parts.ofAnswer("v = 25 m/s, d = 125 m"))).containsExactly(null, null);
    }

    @Test
    void aLabelIsNotTakenForMaths() {
        assertThat(Parts.unlabel("(a) v = v0 + a t")).isEqualTo("v = v0 + a t");
        assertThat(Parts.unlabel("（3）I_L = U_oc/(R_eq + R_L)")).isEqualTo("I_L = U_oc/(R_eq + R_L)");
        assertThat(Parts.unlabel("(a+b)^2 = a^2 + 2ab + b^2")).isEqualTo("(a+b)^2 = a^2 + 2ab + b^2");
        assertThat(Parts.unlabel("f(x) = e.g. x^2")).isEqualTo("f(x) = e.g. x^2");
    }

    @Test
    void aPartsResultIsItsLastValueNotTheStepsTowardIt() {
        assertThat(Parts.results(List.of("N = mg cosθ = 2.0×9.8×0.866 = 16.97 N", "f = μN = 0.20×16.97 = 3.4 N")))
                .containsExactly("f = μN = 0.20×16.97 = 3.4 N");
        assertThat(Parts.results(List.of("mg sinθ − f = ma", "a = 9.8×(0.5 − 0.173) = 3.2 m/s²")))
                .containsExactly("a = 9.8×(0.5 − 0.173) = 3.2 m/s²");
        assertThat(Parts.results(List.of("解得 U1 = 5 V", "U2 = 3 V"))).containsExactly("解得 U1 = 5 V", "U2 = 3 V");
    }
    @Test
    void anotherWayToTheResultIsNotTheResult() {
        String zh = """
                （1）对节点 a 列 KCL：(U_a − 24)/6 + U_a/3 = 1 ⇒ U_oc = U_a = 10 V ……（8分）
                  也可用叠加：U_S 单独作用 8 V，I_S 单独作用 2 V；或电源等效变换 24/6 + 1 = 5 A，5 A × 2 Ω = 10 V。
                （2）R_eq = 6×3/(6+3) + 4 = 6 Ω ……（8分）
                """;
        assertThat(Parts.ofKey(zh)).extracting(Parts.KeyPart::result)
                .containsExactly("对节点 a 列 KCL：(U_a − 24)/6 + U_a/3 = 1 ⇒ U_oc = U_a = 10 V",
                        "R_eq = 6×3/(6+3) + 4 = 6 Ω");
        String en = """
                (a) By KCL at node a: U_oc = U_a = 10 V
                Alternatively, by source transformation: 24/6 + 1 = 5 A, then 5 A × 2 Ω = 10 V.
                (b) R_eq = 6 || 3 + 4 = 6 Ω
                """;
        assertThat(Parts.ofKey(en)).extracting(Parts.KeyPart::result)
                .containsExactly("By KCL at node a: U_oc = U_a = 10 V", "R_eq = 6 || 3 + 4 = 6 Ω");
    }

    @Test
    void theValueAgainInOtherUnitsIsAGloss() {
        String zh = "（1）ΔEk = ½×1500×(900 − 100) = 6.0×10⁵ J（600 kJ）\n（2）P = ΔEk/t = 6.0×10⁴ W（60 kW）。（4分）";
        assertThat(Parts.ofKey(zh)).extracting(Parts.KeyPart::result)
                .containsExactly("ΔEk = ½×1500×(900 − 100) = 6.0×10⁵ J", "P = ΔEk/t = 6.0×10⁴ W");
        String en = "(a) E = 6.0×10⁵ J (600 kJ)\n(b) P = 6.0×10⁴ W (60 kW)";
        assertThat(Parts.ofKey(en)).extracting(Parts.KeyPart::result).containsExactly("E = 6.0×10⁵ J",
                "P = 6.0×10⁴ W");
    }
}
