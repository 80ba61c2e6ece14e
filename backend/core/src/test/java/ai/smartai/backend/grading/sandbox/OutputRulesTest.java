package ai.smartai.backend.grading.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.smartai.backend.grading.GradeResult;
import ai.smartai.backend.grading.GradingInput;
import ai.smartai.backend.ingest.parse.PolicyReader;
import ai.smartai.backend.testing.Needs;
import ai.smartai.model.grade.GradeMethod;
import ai.smartai.model.problem.KeyPolicy;
import ai.smartai.model.problem.ProblemType;
import ai.smartai.model.problem.RubricItem;
import ai.smartai.model.problem.TestCase;

/** Stdin/stdout programs graded by the key's own output rules: exact output, prompt text, Python on stdin. */
class OutputRulesTest {

    static SandboxGrader grader;

    /** The key's rules, as teachers write them, read by the ingest's policy reader. */
    static final String EXACT_EN = "3. Exact output. The output must match the expected output exactly, except for "
            + "trailing whitespace (spaces at the end of a line, a missing or extra final newline).";
    static final String PROMPT_EN = "4. Prompts. A prompt is text the program prints to ask for input (`Enter n: `). "
            + "Ignore the prompt text and compare the rest; then deduct **1 point** from that problem (once per "
            + "program). A label printed together with the result (`Answer: `) is not a prompt: it is wrong output.";
    static final String RULES_ZH = "7. 第5题的输出按行比较，忽略每行行末的空格和最后多出的空行。`input()` 里写了提示文字（如 "
            + "`input(\"请输入：\")`）会把提示一起打印到输出里，按输出不符处理。";

    static final List<TestCase> SUM_MAX = List.of(new TestCase("1 2 3 4 5", "15\n5"),
            new TestCase("-3 -7 -1", "-11\n-1"), new TestCase("  7   -8 12  ", "11\n12"));
    static final List<TestCase> FIB = List.of(new TestCase("0", "0"), new TestCase("10", "55"),
            new TestCase("50", "12586269025"));

    @BeforeAll
    static void setUp() throws Exception {
        grader = new SandboxGrader();
        grader.sandbox = TestSandbox.create();
        Needs.bubblewrap(grader.sandbox.isolated());
    }

    static List<KeyPolicy> rules(String... lines) {
        return Arrays.stream(lines).flatMap(l -> PolicyReader.readAll(l).stream()).toList();
    }

    static GradeResult grade(String answer, List<TestCase> tests, String lang, List<KeyPolicy> policies) {
        List<RubricItem> rubric = List.of(new RubricItem("tests", 20, "functionality"));
        return grader.grade(new GradingInput("q1", ProblemType.PROGRAMMING, lang.equals("zh") ? "读入整数" : "Read n",
                rubric, 20, null, List.of(), List.of(), tests, lang, answer, policies));
    }

    static final String PY_SUM_MAX = "```python\nnums = [int(x) for x in input().split()]\nprint(sum(nums))\n"
            + "print(max(nums))\n```";

    @Test
    void aPythonProgramOnStdinRunsItsTests() {
        GradeResult r = grade(PY_SUM_MAX, SUM_MAX, "zh", rules(RULES_ZH));
        assertThat(r.method()).isEqualTo(GradeMethod.SANDBOX);
        assertThat(r.score()).as(r.toString()).isEqualTo(20.0);
        assertThat(r.reviewReasons()).isEmpty();
    }

    @Test
    void aPythonPromptFailsTheTestsWhenTheKeySaysSoAndNeedsNoReview() {
        GradeResult r = grade(PY_SUM_MAX.replace("input()", "input(\"请输入：\")"), SUM_MAX, "zh", rules(RULES_ZH));
        assertThat(r.score()).as(r.toString()).isEqualTo(0.0);
        assertThat(r.reviewReasons()).isEmpty();
        assertThat(r.comment()).contains("提示文字");
    }

    @Test
    void withoutARuleAPromptGoesToTheTeacher() {
        GradeResult r = grade(PY_SUM_MAX.replace("input()", "input(\"请输入：\")"), SUM_MAX, "zh", List.of());
        assertThat(r.score()).isEqualTo(20.0);
        assertThat(r.reasonTexts()).anyMatch(s -> s.contains("prompt text"));
    }

    @Test
    void aPythonSyntaxErrorRunsNoTestAndGoesToReview() {
        GradeResult r = grade(
                "```python\nnums = [int(x) for x in input().split()]\nif True：\n    print(sum(nums))\n```",
                SUM_MAX, "zh", rules(RULES_ZH));
        assertThat(r.score()).isEqualTo(0.0);
        assertThat(r.reasonTexts()).anyMatch(s -> s.contains("does not run"));
    }

    static final String C_FIB = "```c\n#include <stdio.h>\nint main(void) {\n    int n;\n    %s\n"
            + "    long long a = 0, b = 1;\n    for (int i = 0; i < n; i++) { long long t = a + b; a = b; b = t; }\n"
            + "    printf(\"%s%%lld\\n\", a);\n    return 0;\n}\n```";

    static String cFib(String read, String label) {
        return C_FIB.formatted(read, label);
    }

    @Test
    void aPromptCostsTheStatedDeductionOnceAndNeedsNoReview() {
        GradeResult r = grade(cFib("printf(\"Enter n: \"); scanf(\"%d\", &n);", ""), FIB, "en",
                rules(EXACT_EN, PROMPT_EN));
        assertThat(r.score()).as(r.toString()).isEqualTo(19.0);
        assertThat(r.reviewReasons()).isEmpty();
        assertThat(r.evidence()).anyMatch(e -> e.summary().contains("deducts 1"));
    }

    @Test
    void aLabelWithTheResultIsWrongOutputNotAPrompt() {
        GradeResult r = grade(cFib("scanf(\"%d\", &n);", "Answer: "), FIB, "en", rules(EXACT_EN, PROMPT_EN));
        assertThat(r.score()).as(r.toString()).isEqualTo(0.0);
        assertThat(r.reviewReasons()).isEmpty();
    }

    @Test
    void exactOutputFailsALeadingBlankLineAndToleratesTrailingSpaces() {
        GradeResult blank = grade(cFib("scanf(\"%d\", &n); printf(\"\\n\");", ""), FIB, "en", rules(EXACT_EN));
        assertThat(blank.score()).as(blank.toString()).isEqualTo(0.0);
        GradeResult trailing = grade(cFib("scanf(\"%d\", &n);", "").replace("%lld\\n", "%lld  \\n\\n"), FIB, "en",
                rules(EXACT_EN));
        assertThat(trailing.score()).as(trailing.toString()).isEqualTo(20.0);
        // Without the rule, tokens are compared: the blank line does not count.
        assertThat(grade(cFib("scanf(\"%d\", &n); printf(\"\\n\");", ""), FIB, "en", List.of()).score())
                .isEqualTo(20.0);
    }

    @Test
    void aProgramThatLoopsForeverFailsOnlyThatTestAndOneThatOverflowsFailsItsTests() {
        GradeResult loops = grade(cFib("scanf(\"%d\", &n); volatile int spin = 1; while (n == 50 && spin) { }", ""),
                FIB, "en", rules(EXACT_EN));
        assertThat(loops.score()).as(loops.toString()).isLessThan(20.0);
        GradeResult overflow = grade(cFib("scanf(\"%d\", &n);", "").replace("long long", "int").replace("%lld", "%d"),
                FIB, "en", rules(EXACT_EN));
        assertThat(overflow.score()).as(overflow.toString()).isCloseTo(20.0 * 2 / 3, offset(0.01));
        assertThat(overflow.reviewReasons()).isEmpty();
    }

    @Test
    void aPythonStdinProgramThatDeletesFilesStillGoesToReview() {
        GradeResult r = grade(PY_SUM_MAX.replace("nums =", "import os\nos.remove('x.txt')\nnums ="), SUM_MAX, "zh",
                rules(RULES_ZH));
        assertThat(r.reasonTexts()).anyMatch(s -> s.contains("writes or deletes files"));
    }

    @Test
    void anUntaggedFenceKeepsItsFirstLineOfCode() {
        assertThat(Code.extract("```\nnums = [1]\nprint(nums)\n```").source()).startsWith("nums = [1]");
        GradeResult r = grade(PY_SUM_MAX.replace("```python", "```"), SUM_MAX, "zh", rules(RULES_ZH));
        assertThat(r.score()).as(r.toString()).isEqualTo(20.0);
    }

    @Test
    void aProgramThatStopsWithAnErrorOnEveryTestGoesToReview() {
        GradeResult r = grade("```python\nprint(sum(nums))\n```", SUM_MAX, "zh", rules(RULES_ZH));
        assertThat(r.score()).isEqualTo(0.0);
        assertThat(r.reasonTexts()).anyMatch(s -> s.contains("every test"));
    }
}
