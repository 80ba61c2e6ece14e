package ai.smartai.backend.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import ai.smartai.backend.problem.DefaultRubrics;
import ai.smartai.model.common.Message;
import ai.smartai.model.problem.ProblemType;
import ai.smartai.model.problem.RubricItem;

class ProblemSetParserTest {

    static final Path DEMO = Path.of("../../samples/demo-hw");

    @Test
    void parsesTheDemoProblemSet() throws Exception {
        var r = ProblemSetParser.parse("problems.md", Files.readString(DEMO.resolve("problems.md")));
        assertThat(r.warnings()).isEmpty();
        assertThat(r.problems()).extracting(ParsedProblem::id)
                .containsExactly("q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9");
        assertThat(r.problems()).extracting(ParsedProblem::type).containsExactly(ProblemType.CHOICE,
                ProblemType.CHOICE, ProblemType.CALCULATION, ProblemType.CALCULATION, ProblemType.CALCULATION,
                ProblemType.PROGRAMMING, ProblemType.CONCEPT, ProblemType.PROOF, ProblemType.REASONING);
        assertThat(r.problems()).extracting(ParsedProblem::maxScore).containsExactly(5.0, 6.0, 10.0, 10.0, 10.0,
                15.0, 10.0, 15.0, 9.0);
        assertThat(r.problems().get(0).choices()).containsExactly("A", "B", "C", "D");
        assertThat(r.problems().get(0).language()).isEqualTo("zh");
        assertThat(r.problems().get(1).language()).isEqualTo("en");
        assertThat(r.problems()).allSatisfy(p -> assertThat(p.typeReason()).isNotBlank());
    }

    /**
     * A bilingual set: "## 一、单项选择 / Multiple choice（…）" section titles numbered like problems, a problem whose
     * number line holds only its points "4.（12 分 / 12 points）" and whose stem is a display formula, blanks written as
     * Markdown's escaped "\\_", a related-rates value asked with "是多少" / "how fast".
     */
    @Test
    void aBilingualSetWithNumberedSectionTitlesKeepsEveryProblem() {
        String text = """
                ## 一、单项选择 / Multiple choice（每题 6 分 / 6 points each）

                1. $\\lim_{x\\to 0}\\frac{\\sin 2x}{x} =$（　　）

                   A. 0　　B. 2　　C. 4　　D. −2

                2. 设 $\\det A = 2$，则 $\\det(2A) =$（　　） / Let $\\det A = 2$. Then $\\det(2A) =$

                   (A) 4　　(B) 8　　(C) 16　　(D) 32

                ## 二、填空 / Fill in the blanks（12 分，每空 6 分 / 6 points per blank）

                3. $\\lim_{x\\to 0}\\frac{1-\\cos x}{x^{2}} =$ \\_\\_\\_\\_\\_\\_。

                ## 三、计算题 / Computation

                4.（12 分 / 12 points）

                $$\\int_0^1 x e^x\\,dx$$

                5.（16 分 / 16 points）梯子底端以 0.6 m/s 滑动，顶端下滑的速度是多少？
                   The foot slides at 0.6 m/s. How fast is the top sliding down?

                ## 四、证明题 / Proof

                6.（16 分 / 16 points）证明：方程 $x^{3}+x-1=0$ 在 $(0,1)$ 内有且仅有一个实根。
                """;
        var r = ProblemSetParser.parse("problems.md", text);
        assertThat(r.problems()).extracting(ParsedProblem::number).containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(r.problems()).extracting(ParsedProblem::type).containsExactly(ProblemType.CHOICE,
                ProblemType.CHOICE, ProblemType.CALCULATION, ProblemType.OTHER, ProblemType.CALCULATION,
                ProblemType.PROOF);
        assertThat(r.problems().get(1).choices()).containsExactly("A", "B", "C", "D");
        assertThat(r.problems()).extracting(ParsedProblem::maxScore).endsWith(12.0, 16.0, 16.0);
        assertThat(r.problems().get(3).stem()).contains("\\int_0^1 x e^x");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "A ladder slides at 0.6 m/s. How fast is its top sliding down the wall?",
            "梯子底端以 0.6 m/s 的速度滑动，顶端下滑的速度是多少？",
            "$\\lim_{x\\to 0}\\frac{1-\\cos x}{x^{2}} =$ \\_\\_\\_\\_\\_\\_",
            "极限 $\\lim_{x\\to 0}\\frac{\\sin x}{x} =$ \\_\\_\\_\\_" })
    void valuesAskedForAndEscapedBlanksAreCalculations(String stem) {
        assertThat(ProblemSetParser.problem("1", stem).type()).isEqualTo(ProblemType.CALCULATION);
    }

    @Test
    void keepsEveryCharacterOfTheStem() throws Exception {
        String text = Files.readString(DEMO.resolve("problems.md"));
        var r = ProblemSetParser.parse("problems.md", text);
        assertThat(r.problems().get(2).stem()).isEqualTo("(10分) 计算定积分 $\\int_0^{1} (2x + 1)\\,dx$。");
        assertThat(r.problems().get(5).stem()).contains("```python\ndef is_palindrome(s: str) -> bool:\n    ...\n```");
        assertThat(r.problems().get(0).stem()).contains("A. 栈 Stack\n\nB. 队列 Queue");
        // Everything after the title is in some stem.
        String all = String.join("\n", r.problems().stream().map(ParsedProblem::stem).toList());
        assertThat(all).contains("Derive the probability that both balls are red.");
    }

    @Test
    void numberedSectionsAreTheProblemsWhenTheOnlyNumberedListIsTheInstructions() {
        String set = String.join("\n", "《操作系统原理》作业5", "说明：", "1. 本次作业共八题，满分 100 分。", "2. 文件命名为“学号_姓名”。",
                "3. 题号请标清楚。", "", "一、单项选择题（8分）", "设信号量 S 的初值为 2，当前值为 -1，则有（    ）个进程在等待。",
                "A. 0        B. 1        C. 2        D. 3", "", "二、填空题（12分，每空4分）",
                "FIFO 缺页 ___①___ 次，LRU 缺页 ___②___ 次。",
                "", "三、计算题（12分）", "请将下列逻辑地址转换为物理地址（用十六进制表示）；不能转换的，说明原因。", "（1）0x0A7C  （2）0x1D35", "",
                "四、进程同步（20分）", "试用信号量及 P、V 操作写出同步算法（用伪代码描述）。", "", "五、简答题（15分）", "简述产生死锁的四个必要条件。");
        var r = ProblemSetParser.parse("problems.docx", set);
        assertThat(r.problems()).extracting(ParsedProblem::number).containsExactly("1", "2", "3", "4", "5");
        assertThat(r.problems()).extracting(ParsedProblem::maxScore).containsExactly(8.0, 12.0, 12.0, 20.0, 15.0);
        assertThat(r.problems().get(2).type()).isEqualTo(ProblemType.CALCULATION);
        // A numbered list of problems before sections that add to them stays the problems.
        String problems = String.join("\n", "1. 计算 1+1。", "2. 计算 2+2。", "3. 计算 3+3。", "一、附加题（10分）", "证明 1+1=2。",
                "二、思考题", "简述加法的意义。");
        assertThat(ProblemSetParser.parse("p.md", problems).problems()).hasSize(3);
    }

    @Test
    void readsPointValuesInEveryStyle() {
        assertThat(Points.read("(10分) x")).hasValue(10);
        assertThat(Points.read("（12 分）x")).hasValue(12);
        assertThat(Points.read("x [8 points]")).hasValue(8);
        assertThat(Points.read("x (5 marks)")).hasValue(5);
        assertThat(Points.read("本题满分12分")).hasValue(12);
        assertThat(Points.read("满分 7 分")).hasValue(7);
        assertThat(Points.read("4.（12 分 / 12 points）")).hasValue(12);
        assertThat(Points.read("四、填空题（12分，每空4分）")).hasValue(12);
        assertThat(Points.read("4. (16 points / 16 分) Find x.")).hasValue(16);
        assertThat(Points.read("solve x^2 = 10")).isEmpty();
    }

    @Test
    void writesADefaultRubricThatAddsUpToTheMaximum() {
        var rubric = DefaultRubrics.forType(ProblemType.CALCULATION, 10, "en");
        assertThat(rubric).extracting(RubricItem::aspect).containsExactly("method", "derivation", "result");
        assertThat(rubric).extracting(RubricItem::points).containsExactly(4.0, 3.0, 3.0);
        for (ProblemType t : ProblemType.values()) {
            assertThat(DefaultRubrics.forType(t, 7, "zh").stream().mapToDouble(RubricItem::points).sum())
                    .as(t.name()).isEqualTo(7.0);
        }
    }

    @Test
    void classifiesByWhatTheStemAsks() {
        assertThat(ProblemClassifier.classify("True or False. Answer T or F for each statement. (a) Dijkstra's "
                + "algorithm … (d) The dynamic program for knapsack is polynomial.", List.of()).type())
                .isEqualTo(ProblemType.CHOICE);
        assertThat(
                ProblemClassifier.classify("Run Dijkstra's algorithm on the graph below. (a) Give the final distance "
                        + "d(v) for every vertex (a list or a table is fine).", List.of()).type())
                .isEqualTo(ProblemType.CALCULATION);
        assertThat(ProblemClassifier.classify("Coin change. (a) Fill in the table C[0], C[1], …, C[10].", List.of())
                .type()).isEqualTo(ProblemType.CALCULATION);
        assertThat(ProblemClassifier.classify("Design an algorithm that computes the distances in O(V + E) time. Give "
                + "pseudo-code, explain why it is correct, and justify its running time.", List.of()).type())
                .isEqualTo(ProblemType.REASONING);
        assertThat(ProblemClassifier.classify("Explain in words why a proof by induction proves P(n) for every n.",
                List.of()).type()).isNotEqualTo(ProblemType.PROOF);
        assertThat(ProblemClassifier.classify("Explain the idea, then prove that the sum is n(n+1)/2.", List.of())
                .type()).isEqualTo(ProblemType.PROOF);
        assertThat(ProblemSetParser.parse("ps.tex", "## Problem 1 (6 points)\nWhich of the following is equivalent "
                + "to $\\neg(p \\to q)$? Choose one.\n(a) $\\neg p \\to \\neg q$\n(b) $p \\wedge \\neg q$\n"
                + "(c) $\\neg p \\vee q$\n(d) $q \\to p$\n").problems().get(0).choices())
                .containsExactly("A", "B", "C", "D");
        assertThat(ProblemClassifier.classify("证明：任意图中奇度顶点个数为偶数。", java.util.List.of()).type())
                .isEqualTo(ProblemType.PROOF);
        assertThat(ProblemClassifier.classify("编程题：用Python实现一个函数，计算斐波那契数列", java.util.List.of()).type())
                .isEqualTo(ProblemType.PROGRAMMING);
        assertThat(ProblemClassifier.classify("用卡诺图化简函数 $F(A,B,C,D) = \\sum m(0,1,2)$", java.util.List.of())
                .type()).isEqualTo(ProblemType.CALCULATION);
        assertThat(ProblemClassifier.classify("Compute $\\int_0^1 x^2 dx$.", java.util.List.of()).type())
                .isEqualTo(ProblemType.CALCULATION);
        assertThat(ProblemClassifier.classify("简述进程与线程的区别。", java.util.List.of()).type())
                .isEqualTo(ProblemType.CONCEPT);
        assertThat(ProblemClassifier.classify("What is a deadlock?", java.util.List.of()).type())
                .isEqualTo(ProblemType.CONCEPT);
        assertThat(ProblemClassifier.classify("Derive the expected number of trials.", java.util.List.of()).type())
                .isEqualTo(ProblemType.REASONING);
        assertThat(ProblemClassifier.classify("Draw a picture of your cat.", java.util.List.of()).type())
                .isEqualTo(ProblemType.OTHER);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "（多选）下列说法正确的是（　　）\n| A. 合力为零时静止 | B. 作用力与反作用力 |\n|---|---|\n| C. 质量是惯性的量度 | D. 加速度与合力同向 |",
            "Which is a stable sort?\n| (A) quicksort | (B) merge sort |\n| (C) heapsort | (D) selection sort |" })
    void optionsSetOutInTableCellsAreChoices(String stem) {
        var p = ProblemSetParser.problem("1", stem);
        assertThat(p.type()).isEqualTo(ProblemType.CHOICE);
        assertThat(p.choices()).containsExactly("A", "B", "C", "D");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Explain the difference between stack and heap memory in C and in Java.\n(c) explain what is wrong with:\n```c\nint *f(void) { int a[10]; return a; }\n```",
            "简述下面这段 Python 代码的作用：\n```python\nwhile i < 10:\n    print(i)\n```" })
    void explainingGivenCodeIsAConceptQuestion(String stem) {
        assertThat(ProblemClassifier.classify(stem, java.util.List.of()).type()).isEqualTo(ProblemType.CONCEPT);
        assertThat(ProblemClassifier.classify(stem.replaceFirst("(?s)^Explain.*?Java\\.", "Write a C function that "
                + "returns the squares.").replace("简述下面这段", "编写一个函数，修正下面这段"), java.util.List.of()).type())
                .isEqualTo(ProblemType.PROGRAMMING);
    }

    /** Code the stem gives to be read (its output, how often a line runs) is no programming problem. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "设 n 是 2 的幂。给出下面程序段中语句 count ← count + 1 执行次数的紧确界 Θ(·)，并说明理由。\n count ← 0\n i ← n\n while i ≥ 1:\n    for j ← 1 to i:\n         count ← count + 1\n    i ← ⌊i / 2⌋",
            "以下 Python 代码运行后 s 的值为多少？\n```python\ns = 0\nfor i in range(5):\n    s += i\n```",
            "How many times does the following loop print \"hi\"? Give a tight bound in terms of n.\n```java\nfor (int i = 1; i < n; i *= 2) System.out.println(\"hi\");\n```",
            "Give the value the function below returns for n = 4.\n```python\ndef f(n):\n    return sum(range(n))\n```" })
    void readingGivenCodeIsNoProgrammingProblem(String stem) {
        assertThat(ProblemClassifier.classify(stem, java.util.List.of()).type()).isNotEqualTo(ProblemType.PROGRAMMING);
        // Asked to write or change code about it, the problem is a programming one.
        for (String ask : java.util.List.of("Rewrite the following loop as a recursive function.\n",
                "Write a function that does the same as the following program.\n", "修改下面的程序，使它只输出偶数。\n",
                "编写函数实现下面的伪代码。\n")) {
            assertThat(ProblemClassifier.classify(ask + stem, java.util.List.of()).type())
                    .as(ask).isEqualTo(ProblemType.PROGRAMMING);
        }
    }

    /** Code asked for only inside an example illustrates the explanation; a comparison asked for is prose. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "在 Java 中比较两个字符串时，`==` 和 `equals()` 有什么区别？请举一个两者结果不同的例子（写出代码和结果），并说明判断两个字符串内容是否相同时应当用哪一个。|CONCEPT",
            "In Java, what is the difference between `==` and `equals()` when comparing strings? Give an example where they differ (write the code and its output), and say which one to use to compare contents.|CONCEPT",
            "How does a Python list differ from a tuple? Include a short example (code and output) of each.|CONCEPT",
            "用 Java 编写函数 `same(a, b)`，比较两个字符串是否相同，并举一个例子（写出调用和结果）。|PROGRAMMING",
            "Write a Java method that compares two strings; give an example call and its result.|PROGRAMMING",
            "编写程序：输入两个整数，判断它们的大小关系，例如输入 3 5 输出 <。|PROGRAMMING" })
    void codeAskedOnlyForAnExampleDoesNotMakeAProgrammingProblem(String stem, ProblemType type) {
        assertThat(ProblemClassifier.classify(stem, java.util.List.of()).type()).isEqualTo(type);
    }
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "A test detects 95% of cases. (a) What is the probability that a person tests positive?",
            "Heights are normal with mean 170 and sd 8. What proportion of adults are taller than 186?",
            "Calls arrive at 3 per hour. What is the probability of at least one call in half an hour?",
            "A sample of 25 has mean 52.3 and s = 4.5. Construct a 95% confidence interval for the mean.",
            "某疾病的患病率为1%，检测的灵敏度为95%。一个人检测为阳性，他患病的概率是多少？",
            "样本量为25，样本均值为52.3，求总体均值的95%置信区间。" })
    void aQuestionThatAsksForAValueIsACalculation(String stem) {
        assertThat(ProblemClassifier.classify(stem, java.util.List.of()).type()).isEqualTo(ProblemType.CALCULATION);
    }

    @Test
    void aDocumentWithoutNumberingIsOneProblemAndSaysSo() {
        var r = ProblemSetParser.parse("essay.txt", "Write an essay about entropy.");
        assertThat(r.problems()).hasSize(1);
        assertThat(r.unclear()).isTrue();
        assertThat(r.warnings()).extracting(Message::english).singleElement().asString().contains("essay.txt")
                .contains("no problem numbering");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "A. 0　　B. 2　　C. 4　　D. −2",
            "(A) O(1)　　(B) O(n)　　(C) O(n log n)　　(D) O(n^2)",
            "(A) O(1) (B) O(n) (C) O(log n) (D) O(n^2)",
            "A、栈    B、队列    C、树    D、图",
            "A) true\\tB) false\\tC) unknown\\tD) both",
            "A. 0\\nB. 2\\nC. 4\\nD. -2",
            "A、栈\\nB、队列\\nC、树\\nD、图",
            "(A) x\\n(B) y\\n(C) z\\n(D) w",
            "A) x\\n\\nB) y\\n\\nC) z\\n\\nD) w",
            "A. 0　　B. 2\\nC. 4　　D. −2" })
    void choiceLayoutsAreChoices(String options) {
        String stem = "下列哪一项正确？（  ）\n" + options.replace("\\n", "\n").replace("\\t", "\t");
        var p = ProblemSetParser.problem("1", stem);
        assertThat(p.choices()).containsExactly("A", "B", "C", "D");
        assertThat(p.type()).isEqualTo(ProblemType.CHOICE);
    }

    @Test
    void multipleAnswerChoicesAreChoices() {
        var p = ProblemSetParser.problem("1", "Select all that apply.\nA. 2　　B. 3　　C. 4　　D. 5");
        assertThat(p.type()).isEqualTo(ProblemType.CHOICE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "设 $f(x)=x^2$，则 $f'(1)=$ ______，$f''(1)=$ ______。",
            "Fill in: $\\det A =$ \\underline{\\quad} and $\\operatorname{tr} A =$ \\underline{\\quad}.",
            "若 $P(A)=0.3$，$P(B)=0.4$ 且独立，则 $P(AB)=$（    ），$P(A\\cup B)=$（    ）。" })
    void fillInTheBlanksIsACalculation(String stem) {
        var p = ProblemSetParser.problem("1", stem);
        assertThat(p.type()).isEqualTo(ProblemType.CALCULATION);
        assertThat(p.typeReason()).matches(".*(填空|blank).*");
    }

    @Test
    void aStemThatIsOnlyAFormulaIsTypedByItsKeysAnswer() {
        String stem = "$\\int_0^1 x\\arctan x\\,dx$.";
        var p = ProblemSetParser.problem("1", stem);
        assertThat(p.type()).isEqualTo(ProblemType.OTHER);
        assertThat(ProblemClassifier.byKey(stem, p.type(), "$\\frac{\\pi}{4} - \\frac{1}{2}$")).get()
                .extracting(ProblemClassifier.Classification::type).isEqualTo(ProblemType.CALCULATION);
        assertThat(ProblemClassifier.byKey("Draw your cat.", ProblemType.OTHER, "$x=1$")).isEmpty();
        assertThat(ProblemSetParser.problem("1", "(10分) $\\lim_{x\\to 0} \\frac{\\sin x}{x}$").typeReason())
                .contains("公式");
    }

    /** A set typeset from LaTeX sections: "1 Sorting", no mark after the number; a stray "1 point" note before it. */
    static final String TYPESET = """
            Homework 5 — Algorithms
            Due Friday. Each part is worth at least
            1 point unless stated.

            1 Sorting (10 points)
            Sort 5, 3, 8, 1 with insertion sort and count the swaps.

            2 Recurrences
            Solve T(n) = 2T(n/2) + n.
            1 ≤ n ≤ 1000.

            3 Graphs
            Which of the following is a tree?
            A. a cycle　　B. a path　　C. K4
            """;

    @Test
    void aSetWhoseNumberingIsNotKnownIsOneProblemUntilAKeyCountsItsProblems() {
        assertThat(ProblemSetParser.parse("hw5.pdf", TYPESET).problems()).hasSize(1);

        var r = ProblemSetParser.parseCounted("hw5.pdf", TYPESET, 3).orElseThrow();
        assertThat(r.unclear()).isFalse();
        assertThat(r.problems()).extracting(ParsedProblem::number).containsExactly("1", "2", "3");
        assertThat(r.problems().get(0).stem()).startsWith("Sorting (10 points)\nSort 5, 3, 8, 1");
        assertThat(r.problems().get(0).maxScore()).isEqualTo(10.0);
        assertThat(r.problems().get(1).stem()).isEqualTo("Recurrences\nSolve T(n) = 2T(n/2) + n.\n1 ≤ n ≤ 1000.");
        assertThat(r.problems().get(2).type()).isEqualTo(ProblemType.CHOICE);
        assertThat(r.warnings()).extracting(Message::code).containsExactly("up-split-by-key");
    }

    @ParameterizedTest
    @ValueSource(strings = { "1\nFirst task.\n\n2\nSecond task.\n", "P1 — First task.\nP2 — Second task.\n",
            "Aufgabe 1: First task.\nAufgabe 2: Second task.\n", "[1] First task.\n[2] Second task.\n",
            "练习1：First task.\n练习2：Second task.\n" })
    void looseMarkersOfOneShapeSplitASetWhenTheKeyGivesTheCount(String text) {
        var r = ProblemSetParser.parseCounted("set.txt", text, 2).orElseThrow();
        assertThat(r.problems()).extracting(ParsedProblem::stem).containsExactly("First task.", "Second task.");
    }

    @Test
    void aCountTheSetDoesNotHoldInOrderSplitsNothing() {
        assertThat(ProblemSetParser.parseCounted("hw5.pdf", TYPESET, 4)).isEmpty();
        // The numbers must stand on markers of one shape: "1 Sorting" and "2) Graphs" are not one numbering.
        assertThat(ProblemSetParser.parseCounted("set.txt", "1 Sorting things\n2) Graphs\n", 2)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "1. A\\n2. B\\n3. C|3", "Q1 A\\nQ3 B|0", "no numbers at all|0",
            "## 1\\nA\\n## 2\\nB|2" })
    void aKeyCountsItsProblemsOnlyWhenTheyRunFromOne(String key, int count) {
        assertThat(ProblemSetParser.numberedCount(key.replace("\\n", "\n"), List.of())).isEqualTo(count);
    }

    @Test
    void aKeysNumberedRulesAreNotCountedAsAnswersWhenTheSetsProblemsAreKnown() {
        String key = "Policy\n1. Units count.\n2. Half points.\n3. No rounding.\n4. Show working.\n5. Be kind.\n\n"
                + "1) Answer: 4\n\n2) Answer: 5\n";
        assertThat(ProblemSetParser.numberedCount(key, List.of("1", "2"))).isEqualTo(2);
        assertThat(ProblemSetParser.numberedCount(key + "\n3) Answer: 6\n\n4) Answer: 7\n", List.of("1", "2")))
                .isEqualTo(4);
    }

    @Test
    void problemsAKeyAnswersAndTheSetDoesNotHoldAreMadeFromTheKeyTypedByItsAnswers() {
        String set = "1. Compute $2+2$.\n\n2. Explain what a stack is.\n";
        String key = """
                1. Answer: 4
                2. A last-in, first-out list.
                3. Answer: (C)
                4. Program:
                ```python
                def f(x):
                    return x
                ```
                5. Proof. By induction on n, the claim holds for every n.
                """;
        var r = ProblemSetParser.completedByKey("hw.md", set, "key.md", key, 5).orElseThrow();
        assertThat(r.problems()).extracting(ParsedProblem::number).containsExactly("1", "2", "3", "4", "5");
        assertThat(r.problems().get(0).stem()).isEqualTo("Compute $2+2$.");
        assertThat(r.problems()).extracting(ParsedProblem::type).containsExactly(ProblemType.CALCULATION,
                ProblemType.CONCEPT, ProblemType.CHOICE, ProblemType.PROGRAMMING, ProblemType.PROOF);
        assertThat(r.problems().get(2).stem()).isEmpty();
        assertThat(r.problems().get(2).choices()).containsExactly("A", "B", "C", "D");
        assertThat(r.problems().get(2).typeReason()).contains("typed by its key");
        assertThat(r.warnings()).extracting(Message::code).containsExactly("up-problems-from-key");
        assertThat(r.warnings().get(0).args()).containsExactly("hw.md", "key.md", "3, 4, 5");
        // A set numbered unlike its key ("1.1") is not completed.
        assertThat(ProblemSetParser.completedByKey("hw.md", "1.1 A\n1.2 B\n", "key.md", key, 5)).isEmpty();
    }

    /** Options in small letters on one line, in a stem that asks to choose; small-letter parts stay parts. */
    @Test
    void smallLetterOptionsOnOneLineAreOptions() {
        assertThat(ProblemSetParser.choices("Which protocol maps an IPv4 address to a MAC address? Choose one.\n\n"
                + "(a) DNS (b) ARP (c) DHCP (d) ICMP")).containsExactly("A", "B", "C", "D");
        assertThat(ProblemSetParser.choices("Host A sends a packet.\n\n(a) What is the transmission delay? "
                + "(b) What is the propagation delay? (c) Which is larger?")).isEmpty();
        assertThat(ProblemSetParser.choices("Differentiate:\n\n(a) x^2 (b) sin x (c) e^x")).isEmpty();
    }

    @Test
    void aDefinitionAndItsCauseAreAConceptAndABoundIsAValue() {
        assertThat(ProblemClassifier.classify("What is thrashing in a virtual-memory system and why does it happen? "
                + "Describe one way the operating system can prevent it.", java.util.List.of()).type())
                .isEqualTo(ai.smartai.model.problem.ProblemType.CONCEPT);
        assertThat(ProblemClassifier.classify("判断关系 R 是否自反、对称、传递，并说明理由。", java.util.List.of()).type())
                .isEqualTo(ai.smartai.model.problem.ProblemType.REASONING);
        assertThat(ProblemClassifier.classify("给出下面代码段关于 n 的时间复杂度，并用一句话说明理由。\n\n```java\nfor (int i = 1; "
                + "i < n; i *= 2) { }\n```", java.util.List.of()).type())
                .isEqualTo(ai.smartai.model.problem.ProblemType.CALCULATION);
    }

    /** Options as a Markdown list ("- (A) …") are options; a fenced schema or schedule asks for no program. */
    @Test
    void bulletedOptionsAreOptionsAndAFencedSchemaIsNoProgram() {
        String set = String.join("\n", "## Problem 1 (16 points)", "A company keeps its shipments in one table", "",
                "```", "Shipment(order_id, product_id, quantity, warehouse)", "```", "",
                "(a) Give the candidate key. (b) Decompose Shipment into BCNF and justify it.", "",
                "## Problem 2 (8 points)", "Which statements about indexes are true? Select all that apply.", "",
                "- (A) A B+-tree index speeds up a range query.", "- (B) A hash index suits the range query in (A).",
                "- (C) A table has at most one clustered index.", "", "## Problem 3 (10 points)",
                "Write a query that lists every employee.", "", "```sql", "SELECT * FROM Employee;", "```");
        var r = ProblemSetParser.parse("problems.md", set);
        assertThat(r.problems()).hasSize(3);
        assertThat(r.problems().get(0).type()).isNotEqualTo(ProblemType.PROGRAMMING);
        assertThat(r.problems().get(1).type()).isEqualTo(ProblemType.CHOICE);
        assertThat(r.problems().get(1).choices()).containsExactly("A", "B", "C");
        assertThat(r.problems().get(2).type()).isEqualTo(ProblemType.PROGRAMMING);
        // Sample input and output in fences: a program to write, though the fences hold only numbers.
        assertThat(ProblemClassifier.classify("C：输入一个正整数 n，输出 1 到 n 中 3 或 5 的倍数之和。\n\n输入样例：\n\n```\n10\n```"
                + "\n\n输出样例：\n\n```\n33\n```", List.of()).type()).isEqualTo(ProblemType.PROGRAMMING);
    }
}
