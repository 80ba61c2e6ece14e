package ai.smartai.backend.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberingTest {

    static List<String> numbers(String doc) {
        return Numbering.problemHeadings(Texts.lines(doc)).stream().map(Numbering.Heading::number).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "## 1. 第一题  |## 2. 第二题  |## 3. Third",
            "1. Compute x |2. Prove y    |3. Explain z",
            "1、计算      |2、证明        |3、简述",
            "1) compute   |2) prove      |3) explain",
            "(1) 计算     |(2) 证明       |(3) 简述",
            "Q1: compute  |Q2: prove     |Q3 explain",
            "Problem 1    |Problem 2.    |Problem 3: explain",
            "第一题 计算  |第二题 证明    |第三题 简述",
            "第1题        |第2题          |第3题",
            "一、计算     |二、证明       |三、简述",
            "**1.** bold  |**2.** bold   |**3.** bold",
            "Question 1   |Question 2    |Question 3",
            "① 计算       |② 证明         |③ 简述",
            "①计算        |②、证明        |③. explain",
            "【第1题】计算 |【第2题】证明    |【第3题】简述",
            "[第1题] 计算  |[第2题] 证明    |[第3题] 简述",
            "Q1: compute  |Q2: prove     |Q3: explain",
            "**Q1** a     |**Q2** b      |**Q3**",
            "**Q1:** a    |**Q2:** b     |**Q3:** c",
            "Answer 1.    |Answer 2.     |Answer 3.",
            "Answer 1: x=2|Answer 2: yes |Answer 3: no",
            "Solution 1   |Solution 2    |Solution 3",
            "## 1         |## 2          |## 3",
            "### Problem 1|### Problem 2 |### Problem 3",
            "第一题：计算  |第二题：证明    |第三题：简述",
            "Problem I    |Problem II.   |Problem III: explain",
            "Exercise I Sorting|Exercise II (5 points)|Exercise III",
            "Problem No. 1|Problem No. 2 |Problem No. 3",
            "Prob. 1      |Prob. 2       |Prob. 3",
            "P1. Sorting  |P2: Graphs    |P3 (10 points)",
            "# 1 Sorting  |# 2 Recurrences|# 3 Graphs",
            "1 (10 points) Sort|2 (5 pts)|3 [10 points] Trees",
            "1 — Sorting  |2 — Graphs    |3 – Trees",
            "Question One |Question Two. |Question Three: explain",
            "Q.1 sort     |Q.2 graphs    |Q.3",
            "Qn 1         |Qn. 2         |Ques. 3",
            "1.0 Sorting  |2.0 Graphs    |3.0 Trees",
            "[10 pts] 1. Sort|[5 pts] 2. Graphs|3. Trees" })
    void splitsEveryNumberingStyle(String a, String b, String c) {
        String doc = "Title line\n\n" + a.strip() + "\nbody a\n\n" + b.strip() + "\nbody b\n" + c.strip() + "\n";
        assertThat(numbers(doc)).containsExactly("1", "2", "3");
    }

    @Test
    void aProbabilityOrAWordAfterARomanLetterIsNoHeading() {
        assertThat(numbers("P1 = 0.3 and P2 = 0.5\n\nProblem I think is easy\n")).isEmpty();
        assertThat(numbers("Answer one of the following.\n\n3 – 2 = 1\n\n3 — 2 = 1\n")).isEmpty();
        assertThat(Numbering.roman("IV")).isEqualTo(4);
        assertThat(Numbering.roman("IIII")).isZero();
    }

    @Test
    void aChapterAndProblemNumberIsASubNumber() {
        assertThat(numbers("Problem 4-1 Sorting\nx\n\nProblem 4-2 Heaps\ny\n")).containsExactly("4.1", "4.2");
    }

    @Test
    void looseMarkersAreCountedOnlyWhenNoKnownStyleNumbersTheDocument() {
        assertThat(Numbering.looseCount(Texts.lines("Intro\n\n1 Sorting\nx\n\n2 Graphs\ny\n\n3 Trees\nz\n")))
                .isEqualTo(3);
        assertThat(Numbering.looseCount(Texts.lines("1. Sorting\nx\n\n2. Graphs\ny\n"))).isZero();
        assertThat(Numbering.looseCount(Texts.lines("Read the chapter and answer.\n"))).isZero();
    }

    @Test
    void answersOnLooseMarkersFollowTheKnownCount() {
        List<String> lines = Texts.lines("Ada 2024001\n\n1 Sorting\nTwo swaps.\n\n2 Recurrences\nΘ(n log n)\n");
        assertThat(Numbering.answerHeadings(lines, List.of("1", "2")))
                .extracting(h -> h.number() + ":" + h.answerText())
                .containsExactly("1:", "2:");
        // A shape that does not hold every known number is not taken.
        assertThat(Numbering.answerHeadings(lines, List.of("1", "2", "3"))).isEmpty();
    }

    @Test
    void countsTheSubPartsAStemSetsOut() {
        assertThat(Numbering.subParts("A disease…\n(a) (6 pts) What is P(+)?\n(b) (9 pts) What is P(D|+)?"))
                .isEqualTo(2);
        assertThat(Numbering.subParts("求：\n（1）速度；（3分）\n（2）距离；\n（3）位移。")).isEqualTo(3);
        assertThat(Numbering.subParts("Let X ~ Binomial(10, 0.3). What is Var(X)?\n(A) 3 (B) 2.1")).isZero();
    }

    @Test
    void decimalSubNumbersAreProblems() {
        assertThat(numbers("1.1 first\ntext\n1.2 second\n2.1 third")).containsExactly("1.1", "1.2", "2.1");
    }

    @Test
    void subPartsStayInsideTheirProblem() {
        String doc = """
                1. 计算下列各题
                (1) 1+1
                (2) 2+2
                (3) 3+3
                2. 证明下列命题
                (1) a
                (2) b
                (a) part a
                (b) part b
                """;
        assertThat(numbers(doc)).containsExactly("1", "2");
    }

    @Test
    void aNumberedListInsideAMarkdownProblemStaysInside() {
        String doc = """
                ## 1. Steps
                Explain:
                1. first
                2. second
                3. third
                ## 2. Next
                """;
        assertThat(numbers(doc)).containsExactly("1", "2");
    }

    @Test
    void ignoresNumbersInsideCodeFences() {
        String doc = "## 1. code\n```python\n1. not a heading\n```\n## 2. next";
        assertThat(numbers(doc)).containsExactly("1", "2");
    }

    @Test
    void sectionHeadingsInChineseDoNotHideTheProblems() {
        String doc = "一、选择题\n1. a\n2. b\n二、计算题\n3. c\n4. d\n5. e\n";
        assertThat(numbers(doc)).containsExactly("1", "2", "3", "4", "5");
    }

    @Test
    void 题号写在题字之后也是题目() {
        var sheet = Texts.lines("吴昊 2023011228\n\n题2\nint x;\n\n题3\nreturn s;\n\n题1（刚才漏了）\nC\n");
        assertThat(Numbering.answerHeadings(sheet, List.of("1", "2", "3"))).extracting(Numbering.Heading::number)
                .containsExactly("2", "3", "1");
        assertThat(numbers("题目：求和\n第1题\n1+1\n第2题\n2+2\n")).containsExactly("1", "2");
    }

    @Test
    void readsChineseNumerals() {
        assertThat(Numbering.normalise("十二")).isEqualTo("12");
        assertThat(Numbering.normalise("二十三")).isEqualTo("23");
        assertThat(Numbering.normalise("３")).isEqualTo("3");
        assertThat(Numbering.normalise("0")).isNull();
    }

    @Test
    void boldNumbersAloneOnTheirLinesAreHeadingsButABoldAnswerIsNot() {
        var sheet = Texts.lines("Zhou Yi 2023210108\n\n**3**\n\nTotal weight = **21**\n\n**1**\n\nB\n\n**2**\n\n"
                + "Θ(n)\n");
        assertThat(Numbering.answerHeadings(sheet, List.of("1", "2", "3"))).extracting(Numbering.Heading::number)
                .containsExactly("3", "1", "2");
        // A final answer in bold on a sheet numbered "Q1:" stays in its answer.
        var other = Texts.lines("Q1: B\n\nQ2:\nthe total is\n\n**3**\n\nQ3: Θ(n)\n");
        assertThat(Numbering.answerHeadings(other, List.of("1", "2", "3"))).extracting(Numbering.Heading::line)
                .containsExactly(0, 2, 7);
    }

    @Test
    void answerHeadingsFollowTheKnownProblemsInAnyOrder() {
        List<String> lines = Texts.lines("Q3: c\nQ1: a\n1. inner list\nQ10: extra\nQ2: b");
        var headings = Numbering.answerHeadings(lines, List.of("1", "2", "3"));
        assertThat(headings).extracting(Numbering.Heading::number).containsExactly("3", "1", "10", "2");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "三、编程题",
            "三、编程题（共30分）",
            "## 二、计算题",
            "**单项选择**",
            "单项选择题",
            "多项选择题：",
            "一、选择题(每题5分)",
            "Part B",
            "## Part B: Programming",
            "Part II — Proofs",
            "Section 2",
            "Multiple choice",
            "**Multiple choice (20 points)**",
            "Multiple-choice questions",
            "Short answer questions:",
            "Fill in the blanks",
            "II. Proofs",
            "## 一、单项选择 / Multiple choice（每题 6 分 / 6 points each）",
            "## 二、填空 / Fill in the blanks（12 分，每空 6 分 / 6 points per blank）",
            "三、计算题 / Computation",
            "Proofs / 证明题" })
    void sectionTitlesAreRecognised(String line) {
        assertThat(Numbering.isSectionHeading(line)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "1. 计算下列积分",
            "一、计算 $\\int_0^1 x dx$ 的值",
            "Multiple choice is harder than it looks because the options are close.",
            "Part of the proof is missing.",
            "Q1: compute",
            "证明：由归纳法可知",
            "一、计算 / Compute $\\int_0^1 x dx$",
            "Multiple choice / 这道题的选项都很接近，要仔细" })
    void ordinaryLinesAreNotSectionTitles(String line) {
        assertThat(Numbering.isSectionHeading(line)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "一、选择题   |二、计算题      |三、编程题",
            "## 单项选择  |## 计算题       |## 编程题",
            "Part A      |Part B          |Part C",
            "Multiple choice|Calculations  |Programming" })
    void sectionTitlesBetweenProblemsBelongToNoProblem(String a, String b, String c) {
        String doc = a.strip() + "\n1. first\n\n2. second\n" + b.strip() + "\n\n3. third\n" + c.strip()
                + "\n4. fourth\n";
        var headings = Numbering.problemHeadings(Texts.lines(doc));
        assertThat(headings).extracting(Numbering.Heading::number).containsExactly("1", "2", "3", "4");
        List<String> lines = Texts.lines(doc);
        var second = headings.get(1);
        int end = Numbering.blockEnd(lines, second.line() + 1, headings.get(2).line());
        assertThat(Texts.block(lines, second.line() + 1, end)).isEmpty();
        assertThat(second.rest()).isEqualTo("second");
    }

    @Test
    void aDocumentNumberedOnlyBySectionLikeTitlesKeepsThemAsProblems() {
        assertThat(numbers("一、计算题\n求 1+1。\n二、证明题\n证明 a=a。\n")).containsExactly("1", "2");
    }

    @Test
    void aNumberedListOfInstructionsBeforeTheProblemsIsNotTheProblems() {
        String doc = "说明：\n1. 请独立完成。\n2. 文件名注明姓名。\n3. 可用 LaTeX。\n\n一、单项选择题\n1. a\n2. b\n二、计算题\n3. c\n4. d\n";
        var headings = Numbering.problemHeadings(Texts.lines(doc));
        assertThat(headings).extracting(Numbering.Heading::rest).containsExactly("a", "b", "c", "d");
    }

    /** A source file marks its answers in comments, in any comment syntax, with rules drawn around or not. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "// Problem 1        |// Problem 2         |// Problem 3",
            "/* Answer 1 */      |/* Answer 2 */       |/* Answer 3 */",
            "/** Exercise 1 */   |/** Exercise 2 */    |/** Exercise 3 */",
            "# Q1                |# Q2                 |# Q3",
            "# --- problem 1 --- |# --- problem 2 ---  |# --- problem 3 ---",
            "//===== Task 1 =====|//===== Task 2 ===== |//===== Task 3 =====",
            "-- Question 1       |-- Question 2        |-- Question 3",
            "% Problem 1         |% Problem 2          |% Problem 3",
            "<!-- Problem 1 -->  |<!-- Problem 2 -->   |<!-- Problem 3 -->",
            "// 第1题            |// 第2题             |// 第3题",
            "# 题目1             |# 题目2              |# 题目3",
            "/* 第一题 */        |/* 第二题 */         |/* 第三题 */",
            "// 题目 1：求和     |// 题目 2：排序      |// 题目 3：查找" })
    void answersMarkedInCodeCommentsAreSplitThere(String a, String b, String c) {
        var sheet = Texts.lines("public class Hw {\n    " + a.strip() + "\n    static int f() { return 1; }\n\n    "
                + b.strip() + "\n    static int g() { return 2; }\n}\n" + c.strip() + "\nreturn is not print\n");
        assertThat(Numbering.answerHeadings(sheet, List.of("1", "2", "3"))).extracting(Numbering.Heading::line)
                .containsExactly(1, 4, 7);
    }

    /** In a comment only a marker that names a problem counts: "// 1. base case" is a step of the code. */
    @Test
    void aNumberedStepInACodeCommentIsNoHeading() {
        var sheet = Texts.lines("""
                Problem 1
                int fact(int n) {
                    // 1. base case
                    if (n == 0) return 1;
                    // 2) recursive case
                    return n * fact(n - 1);
                }
                Problem 2
                # 2. 递归调用
                return 2
                """);
        assertThat(Numbering.answerHeadings(sheet, List.of("1", "2"))).extracting(Numbering.Heading::line)
                .containsExactly(0, 7);
        assertThat(Numbering.match(0, "// 1. 基础情形")).isNull();
        assertThat(Numbering.match(0, "/* (2) swap */")).isNull();
    }
}
