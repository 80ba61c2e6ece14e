package ai.smartai.backend.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import ai.smartai.model.problem.ProblemType;
import ai.smartai.model.problem.RubricItem;
import ai.smartai.model.problem.TestCase;

/** Each way a teacher writes program tests, in Chinese and in English. */
class TestReaderTest {

    private static List<TestCase> read(String text) {
        return TestReader.take(new ArrayList<>(Texts.lines(text)), true);
    }

    @Test
    void readsCallTablesWithCodeSpansInChineseAndEnglish() {
        assertThat(read("""
                测试用例（每个 4 分）：

                | 输入 | 期望输出 |
                |---|---|
                | `word_count("a b a")` | `{'a': 2, 'b': 1}` |
                | `word_count("")` | `{}` |
                """)).containsExactly(new TestCase("word_count(\"a b a\")", "{'a': 2, 'b': 1}"),
                new TestCase("word_count(\"\")", "{}"));
        assertThat(read("""
                | # | input | expected |
                |---|---|---|
                | 1 | gcd(12, 18) | 6 |
                | 2 | gcd(0, 9) | 9 |
                """)).containsExactly(new TestCase("gcd(12, 18)", "6"), new TestCase("gcd(0, 9)", "9"));
    }

    @Test
    void readsStdinTablesWithLineBreaks() {
        assertThat(read("""
                | stdin | stdout |
                |---|---|
                | 1 2 3 | 6<br>3 |
                """)).containsExactly(new TestCase("1 2 3", "6\n3"));
        assertThat(read("""
                | 输入 | 输出 |
                |---|---|
                | 3 4 | 7 |
                """)).containsExactly(new TestCase("3 4", "7"));
    }

    @Test
    void readsChineseCasesWithAnInlineInputAndAFencedOutput() {
        List<String> lines = new ArrayList<>(Texts.lines("""
                测试用例（每个 4 分），输入为一行，期望输出为两行：

                用例1 输入 `1 2 3 4 5`，期望输出：

                ```
                15
                5
                ```

                用例5 输入（行首、行尾和数之间有多个空格）`  7   -8 12  `，期望输出：

                ```
                11
                12
                ```

                常见错误：最大值初值设成 0。
                """));
        assertThat(TestReader.take(lines, true)).containsExactly(new TestCase("1 2 3 4 5", "15\n5"),
                new TestCase("  7   -8 12  ", "11\n12"));
        assertThat(String.join("\n", lines).strip()).isEqualTo("常见错误：最大值初值设成 0。");
    }

    @Test
    void readsEnglishNumberedTestsWithFencedInputAndOutput() {
        List<String> lines = new ArrayList<>(Texts.lines("""
                Tests (4 points each):

                Test 1.
                Input:
                ```
                0
                ```
                Expected output:
                ```
                0
                ```

                Test 3.
                Input: (empty — no characters at all)
                ```
                ```
                Expected output:
                ```
                0
                ```

                Test 4.
                Input:
                ```
                -4 -3 0 10
                11 12
                ```
                Expected output:
                ```
                4
                ```

                Notes for TAs: a program using `int` overflows.
                """));
        assertThat(TestReader.take(lines, true)).containsExactly(new TestCase("0", "0"), new TestCase("", "0"),
                new TestCase("-4 -3 0 10\n11 12", "4"));
        assertThat(String.join("\n", lines).strip()).isEqualTo("Notes for TAs: a program using `int` overflows.");
    }

    @Test
    void readsSampleInputAndOutputInBothLanguages() {
        assertThat(read("""
                输入样例：

                ```
                3 9 -2 5
                ```

                输出样例：

                ```
                15
                9
                ```
                """)).containsExactly(new TestCase("3 9 -2 5", "15\n9"));
        assertThat(read("""
                **Sample Input 1**
                ```
                5
                ```
                **Sample Output 1**
                ```
                120
                ```
                """)).containsExactly(new TestCase("5", "120"));
        assertThat(read("Example: input `10` → output `55`")).containsExactly(new TestCase("10", "55"));
        assertThat(read("例：输入 `3 4`，输出 `7`")).containsExactly(new TestCase("3 4", "7"));
    }

    @Test
    void descriptionsOfTheInputAreNoTests() {
        assertThat(read("""
                输入：一行，若干个整数。
                输出：它们的和。
                Input: one integer n.
                Output: F(n).
                """)).isEmpty();
    }

    @Test
    void readsDoctestLines() {
        assertThat(read("""
                ```python
                >>> fact(3)
                6
                >>> fact(0)
                1
                ```
                """)).containsExactly(new TestCase("fact(3)", "6"), new TestCase("fact(0)", "1"));
    }

    @Test
    void readsAssertionsOfEqualityAndOfNoneTrueOrFalse() {
        assertThat(read("""
                测试（每个 3 分）：

                ```python
                assert second_largest([3, 1, 2]) == 2
                assert second_largest([7]) is None
                assert is_even(4) is True  # even
                assert second_largest([1, 2]) is not None
                ```
                """)).containsExactly(new TestCase("second_largest([3, 1, 2])", "2"),
                new TestCase("second_largest([7])", "None"), new TestCase("is_even(4)", "True"));
    }

    @Test
    void readsCallsWithTheirValuesInEnglishAndChinese() {
        assertThat(read("""
                - fact(3) → 6
                - fact(4) returns 24
                - fact(5) = 120
                - is_even(0) 返回 True
                """)).containsExactly(new TestCase("fact(3)", "6"), new TestCase("fact(4)", "24"),
                new TestCase("fact(5)", "120"), new TestCase("is_even(0)", "True"));
        assertThat(read("例：`is_prime(7)` 返回 `True`，`is_prime(10)` 返回 `False`。")).containsExactly(
                new TestCase("is_prime(7)", "True"), new TestCase("is_prime(10)", "False"));
        assertThat(read("For example, `word_count(\"the cat The dog\")` returns `{'the': 2, 'cat': 1, 'dog': 1}`."))
                .containsExactly(new TestCase("word_count(\"the cat The dog\")", "{'the': 2, 'cat': 1, 'dog': 1}"));
    }

    @Test
    void statementsAboutVariablesAndProseAreNoTests() {
        assertThat(read("约定 `gcd(a, 0) == a`，`gcd(0, b) == b`。")).isEmpty();
        assertThat(read("gcd(12, 18) = 6，因为 6 是最大的公因数")).isEmpty();
        assertThat(read("f(3) returns 6 because it multiplies")).isEmpty();
        // A calculation's f(3) = 6 is no program test.
        assertThat(TestReader.take(new ArrayList<>(List.of("f(3) = 6")), false)).isEmpty();
    }

    @Test
    void theCorpusKeysTestsAreAllRead() throws Exception {
        var python = keys("python-zh", 6);
        assertThat(python.get("1").testCases()).hasSize(5);
        assertThat(python.get("2").testCases()).hasSize(5)
                .contains(new TestCase("word_count(\"  one   two  \")", "{'one': 1, 'two': 1}"));
        assertThat(python.get("2").rubric()).extracting(RubricItem::points).containsExactly(20.0);
        assertThat(python.get("4").testCases()).hasSize(5).contains(new TestCase("gcd(9, 0)", "9"));
        assertThat(python.get("5").testCases()).hasSize(5).contains(new TestCase("42", "42\n42"));
        assertThat(python.get("5").referenceAnswer()).contains("print(max(nums))").doesNotContain("用例");
        var cjava = keys("c-java-stdio-en", 6);
        for (String q : List.of("1", "2", "3", "4")) {
            assertThat(cjava.get(q).testCases()).hasSize(5);
            assertThat(cjava.get(q).rubric()).extracting(RubricItem::points).containsExactly(20.0);
        }
        assertThat(cjava.get("3").testCases()).contains(new TestCase("", "0"), new TestCase("2\n4\n6\n8\n10", "5"));
        assertThat(cjava.get("2").testCases()).contains(new TestCase("ab  cd e", "e dc  ba"));
    }

    @Test
    void javaArrayLiteralsInAKeyBecomeLists() {
        List<String> lines = new ArrayList<>(List.of("- `reverse(new int[]{1, 2, 3})` → `{3, 2, 1}`",
                "- `reverse(new int[]{})` → `{}`", "- `sum(new int[][]{{1}, {2, 3}})` → `6`"));
        assertThat(TestReader.take(lines, true)).containsExactly(new TestCase("reverse([1, 2, 3])", "[3, 2, 1]"),
                new TestCase("reverse([])", "[]"), new TestCase("sum([[1], [2, 3]])", "6"));
        List<String> state = new ArrayList<>(
                List.of("- `int[] a = {1, 2, 3}; reverse(a);` → afterwards `a` is still `{1, 2, 3}`"));
        assertThat(TestReader.take(state, true))
                .containsExactly(new TestCase("int[] a = {1, 2, 3}; reverse(a); a", "[1, 2, 3]"));
        assertThat(TestReader.javaArrays("f(\"new int[]{\", new long[] {4})")).isEqualTo("f(\"new int[]{\", [4])");
    }

    @Test
    void perTestPointsInTheirUsualForms() {
        assertThat(AnswerKeyParser.testsOnly(List.of("每个用例 3 分"), tests(5), null)).singleElement()
                .extracting(RubricItem::points)
                .isEqualTo(15.0);
        assertThat(AnswerKeyParser.testsOnly(List.of("测试用例（每个 4 分）："), tests(5), null)).singleElement()
                .extracting(RubricItem::points)
                .isEqualTo(20.0);
        assertThat(AnswerKeyParser.testsOnly(List.of("4 points per test"), tests(5), null)).singleElement()
                .extracting(RubricItem::points)
                .isEqualTo(20.0);
        assertThat(AnswerKeyParser.testsOnly(List.of("Each test is worth 2 points."), tests(3), null)).singleElement()
                .extracting(RubricItem::points).isEqualTo(6.0);
        assertThat(AnswerKeyParser.testsOnly(List.of("## Problem 3 (15 points, 3 per test)"), tests(5), 15.0))
                .singleElement()
                .extracting(RubricItem::points).isEqualTo(15.0);
        assertThat(AnswerKeyParser.testsOnly(List.of("returns 0 for each test"), tests(5), null)).isEmpty();
        // A test the key states but that was not read leaves its points to the teacher, not to the tests that ran.
        assertThat(AnswerKeyParser.testsOnly(List.of("(10 points, 2 per test)"), tests(4), 10.0))
                .extracting(RubricItem::points, RubricItem::aspect)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(8.0, "functionality"),
                        org.assertj.core.groups.Tuple.tuple(2.0, "other"));
    }

    private static Map<String, ParsedKey> keys(String set, int problems) throws Exception {
        Map<String, ProblemType> types = new LinkedHashMap<>();
        for (int i = 1; i <= problems; i++) {
            types.put(Integer.toString(i), i <= 4 || set.startsWith("python") && i == 5 ? ProblemType.PROGRAMMING
                    : ProblemType.CONCEPT);
        }
        String text = new String(TestReaderTest.class.getResourceAsStream("/corpus/" + set + "/key.md").readAllBytes(),
                StandardCharsets.UTF_8);
        Map<String, ParsedKey> out = new LinkedHashMap<>();
        AnswerKeyParser.parse("key.md", text, types).keys().forEach(k -> out.put(k.number(), k));
        return out;
    }

    /** {@code n} tests without points of their own. */
    static List<TestCase> tests(int n) {
        return IntStream.range(0, n).mapToObj(i -> new TestCase("f(" + i + ")", "0")).toList();
    }

    @Test
    void aCommentOverAnAssertGivesThatTestItsPoints() {
        List<String> key = new ArrayList<>(List.of("测试（每个测试单独运行，通过即得该测试的分数）：", "# T1（2 分）空输入",
                "assert merge([]) == []", "# T2（3 分）例子", "assert merge([[1, 3], [2, 6]]) == [[1, 6]]",
                "// Test 3 (1.5 points)", "assert merge([[1, 2]]) == [[1, 2]]"));
        List<TestCase> tests = TestReader.take(key, true);
        assertThat(tests).extracting(TestCase::points).containsExactly(2.0, 3.0, 1.5);
        assertThat(key).noneMatch(l -> l.contains("T1"));
        assertThat(AnswerKeyParser.testsOnly(List.of(), tests, 6.5)).extracting(RubricItem::points).containsExactly(
                6.5);
        // Points the tests do not cover are the teacher's, not spread over the tests.
        assertThat(AnswerKeyParser.testsOnly(List.of(), tests, 8.5)).extracting(RubricItem::points).containsExactly(
                6.5, 2.0);
    }

    /** "Case 1 — stdin:" over a fence, then "stdout:" over another. */
    @Test
    void readsCasesWhoseLabelFollowsADash() {
        String key = "Case 1 — stdin:\n\n```\n1\n7\n```\n\nstdout:\n\n```\nMax: 7\n```\n\n"
                + "Case 2 — stdin (numbers over two lines):\n\n```\n2\n1\n2\n```\n\nstdout:\n\n```\nMax: 2\n```\n";
        assertThat(TestReader.take(new ArrayList<>(Texts.lines(key)), true)).containsExactly(
                new TestCase("1\n7", "Max: 7"), new TestCase("2\n1\n2", "Max: 2"));
    }
}
