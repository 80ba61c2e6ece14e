package ai.smartai.backend.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ai.smartai.model.common.Message;
import ai.smartai.model.problem.KeyPolicy;
import ai.smartai.model.problem.PolicyKind;
import ai.smartai.model.problem.ProblemType;
import ai.smartai.model.problem.RubricItem;
import ai.smartai.model.problem.TestCase;

class AnswerKeyParserTest {

    static Map<String, ProblemType> demoTypes() {
        Map<String, ProblemType> t = new LinkedHashMap<>();
        List<ProblemType> types = List.of(ProblemType.CHOICE, ProblemType.CHOICE, ProblemType.CALCULATION,
                ProblemType.CALCULATION, ProblemType.CALCULATION, ProblemType.PROGRAMMING, ProblemType.CONCEPT,
                ProblemType.PROOF, ProblemType.REASONING);
        for (int i = 0; i < types.size(); i++) {
            t.put(Integer.toString(i + 1), types.get(i));
        }
        return t;
    }

    @Test
    void readsTheDemoKey() throws Exception {
        var r = AnswerKeyParser.parse("answer-key.md",
                Files.readString(ProblemSetParserTest.DEMO.resolve("answer-key.md")), demoTypes());
        assertThat(r.warnings()).isEmpty();
        Map<String, ParsedKey> keys = new LinkedHashMap<>();
        r.keys().forEach(k -> keys.put(k.number(), k));
        assertThat(keys.get("1").correctChoices()).containsExactly("B");
        assertThat(keys.get("2").correctChoices()).containsExactly("A", "C");
        assertThat(keys.get("3").rubric()).extracting(RubricItem::points).containsExactly(4.0, 3.0, 3.0);
        assertThat(keys.get("3").referenceAnswer()).contains("答案：2").doesNotContain("评分标准");
        assertThat(keys.get("6").testCases()).hasSize(6)
                .contains(new TestCase("is_palindrome(\"Never odd or even\")", "True"));
        assertThat(keys.get("6").referenceAnswer()).contains("def is_palindrome").doesNotContain("assert");
        assertThat(keys.get("6").rubric()).extracting(RubricItem::aspect)
                .containsExactly("functionality", "functionality", "complexity", "style");
        assertThat(keys.get("8").rubric()).hasSize(4);
    }

    @Test
    void readsChoiceLettersInTheirUsualForms() {
        assertThat(AnswerKeyParser.letters("答案：B")).containsExactly("B");
        assertThat(AnswerKeyParser.letters("A, C")).containsExactly("A", "C");
        assertThat(AnswerKeyParser.letters("(A)(C)")).containsExactly("A", "C");
        assertThat(AnswerKeyParser.letters("C、A")).containsExactly("A", "C");
        assertThat(AnswerKeyParser.letters("A and C")).containsExactly("A", "C");
        assertThat(AnswerKeyParser.letters("Answer: d")).containsExactly("D");
        assertThat(AnswerKeyParser.letters("Because the queue is FIFO")).isEmpty();
        assertThat(AnswerKeyParser.boldLetter(List.of("**C** (`3 3`): `f` appends to the very list, so 3 too.",
                "All or nothing; only the letter counts."))).containsExactly("C");
        // Every option explained in bold is no key.
        assertThat(AnswerKeyParser.boldLetter(List.of("**A** is wrong: it copies.", "**B** is wrong: it prints.")))
                .isEmpty();
        var choice = AnswerKeyParser.parse("key.md", "## Problem 8\n\n**C** (`3 3`): `f` appends to the list.\n",
                new LinkedHashMap<>(Map.of("8", ProblemType.CHOICE)));
        assertThat(choice.keys().get(0).correctChoices()).containsExactly("C");
    }

    @Test
    void readsTableAndArrowTestCases() {
        String key = """
                ## 1.
                ```python
                def add(a, b): return a + b
                ```
                Test cases:
                | input | expected |
                |---|---|
                | add(1, 2) | 3 |
                | add(-1, 1) | 0 |

                ## 2.
                Tests:
                - 3 4 → 7
                - 10 -5 -> 5
                """;
        Map<String, ProblemType> types = Map.of("1", ProblemType.PROGRAMMING, "2", ProblemType.PROGRAMMING);
        var r = AnswerKeyParser.parse("key.md", key, new LinkedHashMap<>(types));
        Map<String, ParsedKey> keys = new LinkedHashMap<>();
        r.keys().forEach(k -> keys.put(k.number(), k));
        assertThat(keys.get("1").testCases()).containsExactly(new TestCase("add(1, 2)", "3"),
                new TestCase("add(-1, 1)", "0"));
        assertThat(keys.get("1").referenceAnswer()).contains("def add");
        assertThat(keys.get("2").testCases()).containsExactly(new TestCase("3 4", "7"), new TestCase("10 -5", "5"));
    }

    @Test
    void aKeyThatPutsEveryPointOnTheTestsGivesThemTheWholeRubric() {
        String key = """
                ## 第3题（15分）参考答案
                ```python
                def flatten(lst):
                    return [x for item in lst for x in (flatten(item) if isinstance(item, list) else [item])]
                ```
                测试用例（每个 3 分）：
                ```python
                assert flatten([1, 2, 3]) == [1, 2, 3]
                assert flatten([]) == []
                assert flatten([[[]]]) == []
                ```
                """;
        var r = AnswerKeyParser.parse("key.md", key, new LinkedHashMap<>(Map.of("3", ProblemType.PROGRAMMING)));
        assertThat(r.keys().get(0).testCases()).hasSize(3);
        // 3 tests of 3 points for a 15-point problem: the 6 points no read test carries are left to the teacher.
        assertThat(r.keys().get(0).rubric()).containsExactly(new RubricItem("测试用例（每个 3 分）", 9, "functionality"),
                new RubricItem("测试用例（每个 3 分） (tests not read)", 6, "other"));
        // A key that states no points per test keeps the default rubric (style, complexity) for the problem.
        assertThat(AnswerKeyParser.testsOnly(List.of("Tests:", "- 3 4 → 7"), TestReaderTest.tests(1), null)).isEmpty();
        assertThat(AnswerKeyParser.testsOnly(List.of("Tests (4 points each):"), TestReaderTest.tests(5), null))
                .singleElement()
                .extracting(RubricItem::points).isEqualTo(20.0);
    }

    @Test
    void reportsAnswersForNoProblemAndProblemsWithoutAnswer() {
        var r = AnswerKeyParser.parse("key.md", "## 1.\nA\n## 7.\nB", new LinkedHashMap<>(Map.of("1",
                ProblemType.CHOICE, "2", ProblemType.CHOICE)));
        assertThat(r.warnings()).extracting(Message::english).anyMatch(w -> w.contains("answer 7 matches no problem"))
                .anyMatch(w -> w.contains("no answer for problem 2"));
    }

    static Map<String, ParsedKey> keys(String key, ProblemType... types) {
        Map<String, ProblemType> t = new LinkedHashMap<>();
        for (int i = 0; i < types.length; i++) {
            t.put(Integer.toString(i + 1), types[i]);
        }
        Map<String, ParsedKey> out = new LinkedHashMap<>();
        AnswerKeyParser.parse("key.md", key, t).keys().forEach(k -> out.put(k.number(), k));
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "1. 答案：B                 | B",
            "1. **答案：B**             | B",
            "1. **B**                   | B",
            "1. Answer: (C)             | C",
            "【第1题】 答案：A、C        | A,C",
            "Q1: **Answer:** B and D    | B,D",
            "① 正确答案：ABD            | A,B,D",
            "1、答案：BCD（多选）。漏选得5分 | B,C,D",
            "1. Answer: (B) 2.1, since np(1-p) = 2.1 | B",
            "第 1 题（8 分）答案：B           | B",
            "第1题 (8分) 答案: C              | C",
            "1. (8 points) Answer: D        | D",
            "Problem 1 [8 pts] Answer: A    | A" })
    void readsChoiceKeysInEveryLayout(String line, String letters) {
        var k = keys(line.strip() + "\n", ProblemType.CHOICE);
        assertThat(k.get("1").correctChoices()).containsExactly(letters.strip().split(","));
    }

    @Test
    void pointsBetweenTheHeadingAndTheAnswerAreThePointsNotTheAnswer() {
        var k = keys("第 1 题（10 分）答案：Θ(n)\n外层循环共 log₂ n + 1 轮，所以是 Θ(n)。\n", ProblemType.CALCULATION).get("1");
        assertThat(k.points()).isEqualTo(10.0);
        assertThat(k.referenceAnswer()).startsWith("答案：Θ(n)").doesNotContain("10 分");
        assertThat(k.rubric()).noneMatch(r -> r.description().contains("答案"));
    }

    @Test
    void rubricTablesBecomeRubricLinesAndTheirSyntaxIsNotReference() {
        String key = """
                ## 1
                答案：$\\lambda_1 = 2$，$\\lambda_2 = 5$

                | 项目 | 分值 | 说明 |
                |------|------|------|
                | 特征多项式 | 3 | $(\\lambda-2)(\\lambda-5)$ |
                | **特征值** | 4 | 两个都对 |
                | 合计 | 7 | |
                """;
        var k = keys(key, ProblemType.CALCULATION).get("1");
        assertThat(k.rubric()).extracting(RubricItem::points).containsExactly(3.0, 4.0);
        assertThat(k.rubric().get(1).description()).startsWith("特征值");
        assertThat(k.referenceAnswer()).isEqualTo("答案：$\\lambda_1 = 2$，$\\lambda_2 = 5$");
    }

    @Test
    void rubricBulletsWithPointsBecomeRubricLinesWithoutAHeading() {
        String key = """
                Problem 1
                Answer: $x = 2$ and $x = 3$
                - correct factorisation (4 points)
                - both roots (4 points)
                """;
        var k = keys(key, ProblemType.CALCULATION).get("1");
        assertThat(k.rubric()).extracting(RubricItem::points).containsExactly(4.0, 4.0);
        assertThat(k.referenceAnswer()).isEqualTo("Answer: $x = 2$ and $x = 3$");
    }

    @Test
    void aRubricTableUnderItsTitleLeavesTheReference() {
        String key = """
                4、答案：ΔEk = 6.0×10⁵ J
                5、答案：v₂′ = 2.0 m/s
                第5题评分表：
                | 项目 | 分值 | 说明 |
                |---|---|---|
                | （1）动量守恒方程 | 3 | 方向错误该项0分 |
                | （1）v₂′ = 2.0 m/s | 3 |  |
                """;
        Map<String, ProblemType> types = new LinkedHashMap<>();
        types.put("4", ProblemType.CALCULATION);
        types.put("5", ProblemType.CALCULATION);
        ParsedKey k = AnswerKeyParser.parse("key.docx", key, types).keys().get(1);
        assertThat(k.rubric()).extracting(RubricItem::points).containsExactly(3.0, 3.0);
        assertThat(k.referenceAnswer()).isEqualTo("答案：v₂′ = 2.0 m/s");
    }

    @Test
    void severalRubricBulletsOnOnePrintedLineAreRubricLinesEach() {
        String key = "Problem 1 (15 pts)\n(a) P(+) = 0.059\n"
                + "• law of total probability — 3 pts \u00a0 • value 0.059 — 3 pts\n"
                + "(b) P(D|+) = 0.161\n• Bayes' rule set up — 4 pts   • value — 5 pts. Answering 0.95 earns 0.\n";
        var k = keys(key, ProblemType.CALCULATION).get("1");
        assertThat(k.rubric()).extracting(RubricItem::points).containsExactly(3.0, 3.0, 4.0, 5.0);
        assertThat(k.rubric().get(0).description()).isEqualTo("law of total probability");
        assertThat(k.referenceAnswer()).contains("(b) P(D|+) = 0.161").contains("Answering 0.95 earns 0.")
                .doesNotContain("pts");
    }

    @Test
    void headingsAndNotesAreNeverReferenceContent() {
        String key = """
                ## 第1题
                ### 参考解答
                $x = 2$ 和 $x = 3$
                注：两根顺序不限。
                > Note: accept equivalent forms.
                """;
        var k = keys(key, ProblemType.CALCULATION).get("1");
        assertThat(k.referenceAnswer()).isEqualTo("$x = 2$ 和 $x = 3$");
    }

    @Test
    void pointsStatedOnlyInTheKeyAreRead() {
        var k = keys("1. (8分)\n答案：3\n\n2.\n本题满分 6 分。\n答案：4\n\n3.\n答案：5\n", ProblemType.CALCULATION,
                ProblemType.CALCULATION, ProblemType.CALCULATION);
        assertThat(k.get("1").points()).isEqualTo(8.0);
        assertThat(k.get("2").points()).isEqualTo(6.0);
        assertThat(k.get("3").points()).isNull();
    }

    @Test
    void aPointSummaryAfterTheLastAnswerIsNoPartOfIt() {
        String key = """
                Problem 1 (10 pts)
                Answer: 0.224

                Problem 2 (15 pts)
                P(N ≥ 1) = 1 − e^{−1.5} = 0.777

                Point summary: P1 10 · P2 15 = 25.
                """;
        var k = keys(key, ProblemType.CALCULATION, ProblemType.CALCULATION);
        assertThat(k.get("2").referenceAnswer()).isEqualTo("P(N ≥ 1) = 1 − e^{−1.5} = 0.777");
        assertThat(keys("1.\n答案：3\n\n2.\n答案：4\n分值汇总：1 题 5 分，2 题 5 分\n", ProblemType.CALCULATION,
                ProblemType.CALCULATION).get("2").referenceAnswer()).isEqualTo("答案：4");
    }

    @Test
    void aRuleThatJudgesBlanksByTheirResultNamesTheKindsItCovers() {
        String key = """
                评分说明：
                选择、填空只看结果，不看过程；计算题只写结果、没有任何过程的，只给结果分。

                1.
                答案：B

                2.
                答案：$e^{2}$
                """;
        var k = keys(key, ProblemType.CHOICE, ProblemType.CALCULATION);
        assertThat(k.get("2").policies()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(PolicyKind.RESULT_ONLY);
            assertThat(p.terms()).containsExactly(KeyPolicy.FILL_IN, KeyPolicy.CHOICE);
        });
        assertThat(PolicyReader.read("Blanks: only the result is graded, in any equivalent form.")).get()
                .satisfies(p -> assertThat(p.terms()).containsExactly(KeyPolicy.FILL_IN));
        // What a bare result earns is no rule that working does not count.
        assertThat(PolicyReader.read("A bare answer with no working earns only the result points.")).isEmpty();
    }

    @Test
    void policiesAreKeptAsTypedRulesAndLeaveTheReference() {
        String key = """
                评分说明：分数精确到 0.5 分。

                1.
                ```python
                def total(xs):
                    s = 0
                    for x in xs:
                        s += x
                    return s
                ```
                - 不得使用 `sum()` 和 `numpy`。
                - 输出中有多余的空行不扣分。

                2.
                答案：$v = 12\\,\\mathrm{m/s}$
                单位错误扣 1 分；数值误差在 2% 以内给满分。
                后续步骤沿用前面的错误结果时不重复扣分。
                """;
        var k = keys(key, ProblemType.PROGRAMMING, ProblemType.CALCULATION);
        assertThat(k.get("1").policies()).extracting(KeyPolicy::kind).containsExactly(PolicyKind.FORBIDDEN_OPERATION,
                PolicyKind.EXTRA_OUTPUT, PolicyKind.GRANULARITY);
        assertThat(k.get("1").policies().get(0).terms()).containsExactly("sum()", "numpy");
        assertThat(k.get("1").referenceAnswer()).contains("def total").doesNotContain("不得使用");
        assertThat(k.get("2").policies()).extracting(KeyPolicy::kind).containsExactly(PolicyKind.UNIT_TOLERANCE,
                PolicyKind.CARRIED_ERROR, PolicyKind.GRANULARITY);
        assertThat(k.get("2").policies().get(0).amount()).isEqualTo(0.02);
        assertThat(k.get("2").referenceAnswer()).isEqualTo("答案：$v = 12\\,\\mathrm{m/s}$");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Do not use the built-in sorted() or list.sort().   | forbidden-operation",
            "Answers within 1% of the value, with correct units, get full marks. | unit-tolerance",
            "Extra output lines are not allowed.                | extra-output",
            "The primes may be returned in any order.           | any-order",
            "返回列表中元素的顺序不限。                             | any-order",
            "Partial credit: half marks for a correct setup.    | partial-credit",
            "Errors carried forward from (a) are not penalised again. | carried-error",
            "Scores are rounded to half points.                 | granularity",
            "6. Whole points only. Units are not required this time. | granularity",
            "评分只给整数分。                                    | granularity",
            "酌情给分。                                          | partial-credit",
            "Rubric. 2 points per option classified correctly (a true option selected), 5 × 2 = 10. | choice-per-option",
            "每个选项判断正确得 2 分。                               | choice-per-option",
            "Scoring: 8 for exactly {A, C, E}; -2 for each correct option not selected. | choice-per-option" })
    void readsEachKindOfPolicy(String line, String kind) {
        assertThat(PolicyReader.read(line.strip())).get().extracting(p -> p.kind().name().toLowerCase()
                .replace('_', '-')).isEqualTo(kind.strip());
    }

    @Test
    void aUseTheKeyChargesForIsAForbiddenOperationWithItsDeduction() {
        KeyPolicy reverse = PolicyReader.read("Using a library method that reverses (`Collections.reverse`, "
                + "`StringBuilder.reverse`, …): **−5**.").orElseThrow();
        assertThat(reverse.kind()).isEqualTo(PolicyKind.FORBIDDEN_OPERATION);
        assertThat(reverse.terms()).containsExactly("Collections.reverse", "StringBuilder.reverse");
        assertThat(reverse.amount()).isEqualTo(5.0);
        KeyPolicy statistics = PolicyReader.read("- Using the `statistics` module or `numpy`: **0 points** for "
                + "problem 4, whatever the tests say.").orElseThrow();
        assertThat(statistics.terms()).containsExactly("statistics", "numpy");
        assertThat(statistics.amount()).isNull();
        assertThat(PolicyReader.read("Changing the caller's list (e.g. `xs.sort()`): **−3**.")).get()
                .extracting(KeyPolicy::terms).isEqualTo(List.of("xs.sort()"));
        assertThat(PolicyReader.read("Using `sorted()` is fine.")).isEmpty();
        KeyPolicy signature = PolicyReader.read("2. **A wrong signature costs 2 points** (a different method/function "
                + "name, parameter type or return type).").orElseThrow();
        assertThat(signature.kind()).isEqualTo(PolicyKind.SIGNATURE);
        assertThat(signature.amount()).isEqualTo(2.0);
        KeyPolicy printed = PolicyReader.read("3. **Printing instead of returning:** the tests fail, because the call "
                + "returns nothing. If the printed output is right for every test, the problem gets 5 points instead "
                + "of 0.").orElseThrow();
        assertThat(printed.kind()).isEqualTo(PolicyKind.PRINTED_RESULT);
        assertThat(printed.amount()).isEqualTo(5.0);
    }

    @Test
    void ordinaryKeyLinesAreNotPolicies() {
        assertThat(PolicyReader.read("答案：$x = 2$")).isEmpty();
        assertThat(PolicyReader.read("The unit vector is (1, 0).")).isEmpty();
        assertThat(PolicyReader.read("- 正确列出方程 (3分)")).isEmpty();
        assertThat(
                PolicyReader.readAll("- (5 points) **printing** only writes text to the output; the function's result "
                        + "is then `None`, so the caller and the tests cannot use or check the value."))
                .isEmpty();
        List<String> wrapped = new ArrayList<>(List.of("- (5 points) **printing** only writes text; the result is then",
                "  `None`, so the caller and the tests cannot use or check the value."));
        assertThat(PolicyReader.take(wrapped)).isEmpty();
        assertThat(wrapped).hasSize(2);
    }

    @Test
    void readsOutputRulesAsTeachersWriteThemInEnglishAndChinese() {
        String key = """
                ## General policy

                3. **Exact output.** The output must match the expected output exactly, except for trailing whitespace
                   (spaces at the end of a line). Anything else makes the test fail.
                4. **Prompts.** A prompt is text the program prints to ask for input (`Enter n: `). Prompts were
                   forbidden in the handout, but we are lenient: ignore the prompt text and compare the rest; then
                   deduct **1 point** from that problem. A label (`Answer: `) is not a prompt: it is wrong output.
                6. A program that compiles is graded by its tests alone, plus the prompt deduction. We do not give
                   partial credit for reading the code of a program that runs.

                ## Q1
                ```c
                int main(void) { return 0; }
                ```
                """;
        var en = keys(key, ProblemType.PROGRAMMING).get("1").policies();
        assertThat(en).extracting(KeyPolicy::kind).containsExactly(PolicyKind.EXACT_OUTPUT, PolicyKind.PROMPT_TEXT,
                PolicyKind.PARTIAL_CREDIT);
        assertThat(en.get(1).amount()).isEqualTo(1.0);
        assertThat(en.get(2).amount()).isEqualTo(0.0);
        var zh = PolicyReader.readAll("7. 第5题的输出按行比较，忽略每行行末的空格和最后多出的空行。`input()` 里写了提示文字（如 "
                + "`input(\"请输入：\")`）会把提示一起打印到输出里，按输出不符处理。");
        assertThat(zh).extracting(KeyPolicy::kind).containsExactly(PolicyKind.PROMPT_TEXT, PolicyKind.EXACT_OUTPUT);
        assertThat(zh.get(0).amount()).isNull();
        assertThat(PolicyReader.readAll("输出中有提示文字的，每题扣 2 分，其余照常比较。")).singleElement()
                .extracting(KeyPolicy::amount).isEqualTo(2.0);
        assertThat(PolicyReader.readAll("不给部分分：程序按测试结果给分。")).singleElement()
                .extracting(KeyPolicy::amount).isEqualTo(0.0);
        // Tolerance is not exactness, and an exact value is no output rule.
        assertThat(PolicyReader.readAll("输出中有多余的空行不扣分。")).extracting(KeyPolicy::kind)
                .containsExactly(PolicyKind.EXTRA_OUTPUT);
        assertThat(PolicyReader.readAll("Give the exact value, not a decimal.")).isEmpty();
    }

    /** A key typeset as a PDF: answers after a dash on the heading line, rules under a part's title, bare tables. */
    @Test
    void readsAnswersOnTheHeadingLineAndRulesStatedOnceForAPart() {
        String key = """
                Part A
                Problem 1 (8 points) — answer: (B) O(log n)
                The new key sifts up along one path.
                Problem 2 (8 points) — answer: (A) and (B)
                Part B — Programming (tests)
                Each of Problems 3 and 4 is graded with the five tests below, 3 points per passing test. Procedure
                and rules:
                1. A function name different from the required one costs 2 points (the TA adds an alias with
                the required name and runs the tests).
                2. Any import, eval/exec, a call of sorted() or list.sort(), or any access to files, the
                operating system or the network: 0 points for that problem, whatever the tests would say.
                3. Problem 4 only: the O(len(a) + len(b)) requirement is checked by reading the code. A
                solution that is asymptotically slower (for example list.pop(0) in the loop) loses 3 points.
                Problem 3 — reference solution and tests
                def twice(x):
                    return 2 * x
                Test Expected
                twice(1) 2
                twice([1, (2, 3)]) [1, (2, 3), 1, (2, 3)]
                Typical mistake: returning x + 2.
                Problem 4 — reference solution and tests
                def first(a):
                    return a[0]
                Test Expected
                first([5]) 5
                Part C — Written
                Problem 5 (15 points) — rubric
                Lower bound (5 points): n ≥ 2^h.
                """;
        Map<String, ProblemType> types = new LinkedHashMap<>();
        types.put("1", ProblemType.CHOICE);
        types.put("2", ProblemType.CHOICE);
        types.put("3", ProblemType.PROGRAMMING);
        types.put("4", ProblemType.PROGRAMMING);
        types.put("5", ProblemType.PROOF);
        Map<String, ParsedKey> keys = new LinkedHashMap<>();
        AnswerKeyParser.parse("key.pdf", key, types).keys().forEach(k -> keys.put(k.number(), k));
        assertThat(keys.get("1").correctChoices()).containsExactly("B");
        assertThat(keys.get("2").correctChoices()).containsExactly("A", "B");
        // The part's rules are not problem 2's answer.
        assertThat(keys.get("2").referenceAnswer()).doesNotContain("tests").doesNotContain("import");
        assertThat(keys.get("3").testCases()).containsExactly(new TestCase("twice(1)", "2"),
                new TestCase("twice([1, (2, 3)])", "[1, (2, 3), 1, (2, 3)]"));
        assertThat(keys.get("3").rubric()).extracting(RubricItem::points).containsExactly(6.0);
        assertThat(keys.get("3").referenceAnswer()).startsWith("def twice(x):");
        assertThat(keys.get("3").policies()).extracting(KeyPolicy::kind)
                .containsExactly(PolicyKind.SIGNATURE, PolicyKind.FORBIDDEN_OPERATION);
        assertThat(keys.get("3").policies().get(1).terms()).contains("sorted()", ".sort(", "import", "eval", "exec");
        // "Problem 4 only" is problem 4's.
        assertThat(keys.get("4").policies()).extracting(KeyPolicy::kind).containsExactly(PolicyKind.SIGNATURE,
                PolicyKind.FORBIDDEN_OPERATION, PolicyKind.COMPLEXITY);
        assertThat(keys.get("4").policies().get(2).amount()).isEqualTo(3.0);
        assertThat(keys.get("4").rubric()).extracting(RubricItem::points).containsExactly(3.0);
        // A new part's title ends the last part's rules.
        assertThat(keys.get("5").policies()).isEmpty();
        assertThat(keys.get("5").referenceAnswer()).startsWith("Lower bound");
    }

    @Test
    void aBoldLineOfMathsStaysBoldSoTheGraderKnowsItIsTheResult() {
        String key = """
                ## Problem 3 (10 points)

                $\\det C = 2$, adjugate $\\begin{pmatrix} 2 & -3 \\\\ -2 & 4 \\end{pmatrix}$.

                **$C^{-1} = \\begin{pmatrix} 1 & -3/2 \\\\ -1 & 2 \\end{pmatrix}$**

                **Note:** any correct method earns full credit.
                """;
        ParsedKey k = AnswerKeyParser.parse("key.md", key, Map.of("3", ProblemType.CALCULATION)).keys().get(0);
        assertThat(k.referenceAnswer()).contains("**$C^{-1} = \\begin{pmatrix}").doesNotContain("**Note");
    }

    /** A rule of the whole key whose first sentence names problems holds for those problems only. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} / {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "7. P4 must run in O(n); an exponential recursion gets at most 4/10.     | 4 | true",
            "7. P4 must run in O(n); an exponential recursion gets at most 4/10.     | 3 | false",
            "4. Carried errors (Exercises 4 and 5). Method correct: half marks.      | 5 | true",
            "4. Carried errors (Exercises 4 and 5). Method correct: half marks.      | 6 | false",
            "1. P1–P5 are graded by test cases. Each has 5 cases.                    | 3 | true",
            "1. P1–P5 are graded by test cases. Each has 5 cases.                    | 6 | false",
            "4. Forbidden calls: 0 and report. Reading System.in in P5 is fine.      | 2 | true",
            "第2、3题只看结果。                                                       | 3 | true",
            "第2、3题只看结果。                                                       | 4 | false",
            "3. Units. A missing unit loses 1 mark. In Exercise 5 at most 1 mark.   | 2 | true" })
    void aGeneralRuleHoldsForTheProblemsItsFirstSentenceNames(String rule, String number, boolean applies) {
        assertThat(AnswerKeyParser.appliesTo(rule.strip(), number.strip())).isEqualTo(applies);
    }

    @Test
    void smallBracketedLettersOnAnAnswerLineAreTheOptionsAndPartsAreNot() {
        assertThat(AnswerKeyParser.letters("Answer: (b) ARP\n\n6 marks for (b) only.")).containsExactly("B");
        assertThat(AnswerKeyParser.letters("Answer: (a), (c)")).containsExactly("A", "C");
        assertThat(AnswerKeyParser.letters("Answer: (a) 1.2 ms (b) 12 ms")).isEmpty();
    }

    @Test
    void casesTimesPointsOnTheHeadingPutEveryPointOnTheTests() {
        var tests = java.util.List.of(new ai.smartai.model.problem.TestCase("countVowels(\"Hello\")", "2"),
                new ai.smartai.model.problem.TestCase("countVowels(\"\")", "0"));
        assertThat(AnswerKeyParser.testsOnly(java.util.List.of("countVowels (4 pts, 2 cases × 2)"), tests, 4.0))
                .singleElement().satisfies(r -> assertThat(r.points()).isEqualTo(4.0));
        assertThat(AnswerKeyParser.testsOnly(java.util.List.of("2 pts per case"), tests, 4.0)).singleElement()
                .satisfies(r -> assertThat(r.points()).isEqualTo(4.0));
    }
}
