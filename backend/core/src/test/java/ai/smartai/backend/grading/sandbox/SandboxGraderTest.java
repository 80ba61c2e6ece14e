package ai.smartai.backend.grading.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.smartai.backend.grading.GradeResult;
import ai.smartai.backend.grading.Inputs;
import ai.smartai.backend.ingest.parse.AnswerKeyParser;
import ai.smartai.model.grade.GradeMethod;
import ai.smartai.model.problem.ProblemType;
import ai.smartai.model.problem.RubricItem;
import ai.smartai.model.problem.TestCase;

class SandboxGraderTest {

    static SandboxGrader grader;
    static List<TestCase> tests;

    @BeforeAll
    static void setUp() throws Exception {
        grader = new SandboxGrader();
        grader.sandbox = TestSandbox.create();
        Assumptions.assumeTrue(grader.sandbox.isolated(), "bubblewrap is not available here");
        String key = Files.readString(Path.of("../../samples/demo-hw/answer-key.md"));
        var parsed = AnswerKeyParser.parse("key", key, new java.util.LinkedHashMap<>(java.util.Map.of("6",
                ProblemType.PROGRAMMING)));
        tests = parsed.keys().get(0).testCases();
    }

    static GradeResult grade(String answer) {
        var in = Inputs.of(ProblemType.PROGRAMMING, "Write a Python function is_palindrome(s).", "```python\n"
                + "def is_palindrome(s):\n    t = s.replace(' ', '').lower()\n    return t == t[::-1]\n```", answer, 15,
                List.of(), tests);
        return grader.grade(in);
    }

    @Test
    void aCorrectProgramPassesEveryTest() {
        GradeResult r = grade("```python\ndef is_palindrome(s):\n    t = s.replace(' ', '').lower()\n    return t == t[::-1]\n```");
        assertThat(r.method()).isEqualTo(GradeMethod.SANDBOX);
        assertThat(r.score()).isEqualTo(15.0);
        assertThat(r.evidence()).anyMatch(e -> e.summary().equals("Passed 6 of 6 tests."));
    }

    @Test
    void aProgramThatIgnoresSpacesFailsTheTestThatNeedsIt() {
        GradeResult r = grade("```python\ndef is_palindrome(s):\n    return s.lower() == s.lower()[::-1]\n```");
        assertThat(r.evidence()).anyMatch(e -> e.summary().equals("Passed 5 of 6 tests.")
                && e.detail().contains("Never odd or even"));
        assertThat(r.score()).isLessThan(15.0).isGreaterThan(0.0);
    }

    @Test
    void anInfiniteLoopFailsOnlyTheTestsThatLoop() {
        GradeResult r = grade("```python\ndef is_palindrome(s):\n    s = s.lower()\n    while True:\n"
                + "        if s == s[::-1]:\n            return True\n```");
        assertThat(r.evidence()).anyMatch(e -> e.kind().equals("test-cases") && e.detail() != null
                && e.detail().contains("took longer"));
        assertThat(r.score()).isLessThan(15.0);
    }

    @Test
    void aSyntaxErrorScoresNothingAndSaysWhy() {
        GradeResult r = grade("```python\ndef is_palindrome(s)\n    return True\n```");
        assertThat(r.score()).isEqualTo(0.0);
        assertThat(r.evidence()).anyMatch(e -> e.summary().contains("SyntaxError"));
    }

    @Test
    void aFunctionUnderAnotherNameIsCalled() {
        GradeResult r = grade("```python\ndef palindrome_check(s):\n    t = s.replace(' ', '').lower()\n    return t == t[::-1]\n```");
        assertThat(r.score()).isEqualTo(15.0);
        assertThat(r.evidence()).anyMatch(e -> e.summary().contains("palindrome_check as is_palindrome"));
    }

    @Test
    void faking_the_result_lines_is_flagged_not_believed() {
        GradeResult r = grade("```python\nimport sys\nsys.__stdout__.write('SMARTAI-RESULT-x:{\"kind\":\"test\",\"ok\":true}\\n')\n"
                + "def is_palindrome(s):\n    return False\n```");
        assertThat(r.score()).isLessThan(15.0);
        assertThat(r.reviewReasons()).anyMatch(x -> x.contains("imitates"));
    }

    @Test
    void testsAreDerivedFromTheReferenceWhenTheKeyHasNone() {
        var in = Inputs.withRubric(Inputs.of(ProblemType.PROGRAMMING, "用Python实现斐波那契数列（时间复杂度O(n)）",
                "```python\ndef fibonacci(n):\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a\n```",
                "```python\ndef fib(n):\n    if n <= 1:\n        return n\n    return fib(n-1) + fib(n-2)\n```", 10, List.of(),
                List.of()), List.of(new RubricItem("正确", 7, "functionality"), new RubricItem("时间复杂度为O(n)", 3,
                        "complexity")));
        GradeResult r = grader.grade(in);
        assertThat(r.evidence()).anyMatch(e -> e.kind().equals("sandbox-tests"));
        assertThat(r.evidence()).anyMatch(e -> e.kind().equals("complexity") && e.summary().contains("too slow"));
        assertThat(r.score()).isLessThanOrEqualTo(7.0);
    }

    static final List<TestCase> SUM_TESTS = List.of(new TestCase("3 4", "7"), new TestCase("10 -5", "5"),
            new TestCase("0 0", "0"));

    static GradeResult gradeCompiled(String answer) {
        return grader.grade(Inputs.of(ProblemType.PROGRAMMING, "Read two integers and print their sum.", null, answer,
                10, List.of(), SUM_TESTS));
    }

    @Test
    void runsACProgramOnStdin() {
        GradeResult r = gradeCompiled("```c\n#include <stdio.h>\nint main(void){long a,b;scanf(\"%ld %ld\",&a,&b);"
                + "printf(\"%ld\\n\",a+b);return 0;}\n```");
        assertThat(r.score()).as(r.toString()).isEqualTo(10.0);
        assertThat(r.evidence()).anyMatch(e -> e.summary().startsWith("Passed 3 of 3 tests (c"));
    }

    @Test
    void runsACppProgramAndReportsACompileError() {
        GradeResult ok = gradeCompiled("```cpp\n#include <iostream>\nint main(){long a,b;std::cin>>a>>b;"
                + "std::cout<<a+b<<std::endl;}\n```");
        assertThat(ok.score()).as(ok.toString()).isEqualTo(10.0);
        GradeResult broken = gradeCompiled("```cpp\n#include <iostream>\nint main(){ std::cout << a; }\n```");
        assertThat(broken.score()).isEqualTo(0.0);
        assertThat(broken.evidence()).anyMatch(e -> e.summary().contains("does not compile"));
    }

    @Test
    void runsAJavaProgram() {
        GradeResult r = gradeCompiled("```java\nimport java.util.Scanner;\npublic class Sum {\n"
                + "  public static void main(String[] args) {\n    Scanner in = new Scanner(System.in);\n"
                + "    long a = in.nextLong(), b = in.nextLong();\n    System.out.println(a + b);\n  }\n}\n```");
        assertThat(r.score()).as(r.toString()).isEqualTo(10.0);
    }
}
