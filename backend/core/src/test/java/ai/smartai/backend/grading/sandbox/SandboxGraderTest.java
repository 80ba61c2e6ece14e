package ai.smartai.backend.grading.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.smartai.backend.grading.GradeResult;
import ai.smartai.backend.grading.GradingInput;
import ai.smartai.backend.grading.Inputs;
import ai.smartai.backend.ingest.parse.AnswerKeyParser;
import ai.smartai.backend.testing.Needs;
import ai.smartai.model.grade.GradeMethod;
import ai.smartai.model.problem.KeyPolicy;
import ai.smartai.model.problem.PolicyKind;
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
        Needs.bubblewrap(grader.sandbox.isolated());
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
        GradeResult r = grade(
                "```python\ndef is_palindrome(s):\n    t = s.replace(' ', '').lower()\n    return t == t[::-1]\n```");
        assertThat(r.method()).isEqualTo(GradeMethod.SANDBOX);
        assertThat(r.score()).isEqualTo(15.0);
        assertThat(r.evidence()).anyMatch(e -> e.summary().equals("Passed 6 of 6 tests."));
    }

    @Test
    void aHeadingLeftAtTheEndOfTheCodeIsRemovedAndTheGradeGoesToReview() {
        GradeResult r = grade("```python\ndef is_palindrome(s):\n    t = s.replace(' ', '').lower()\n"
                + "    return t == t[::-1]\n四、简答与证明\n```");
        assertThat(r.score()).as(r.toString()).isEqualTo(15.0);
        assertThat(r.reasonTexts()).anyMatch(s -> s.contains("only after removing text"));
        assertThat(r.evidence()).anyMatch(e -> e.kind().equals("sandbox-prose") && e.summary().contains("四、简答与证明"));
    }

    @Test
    void aPassingProgramThatReadsTheEnvironmentGoesToReviewWithTheLine() {
        GradeResult r = grade("```python\nimport os\ndef is_palindrome(s):\n    home = os.getenv('HOME')\n"
                + "    t = s.replace(' ', '').lower()\n    return t == t[::-1]\n```");
        assertThat(r.score()).isEqualTo(15.0);
        assertThat(r.reasonTexts()).anyMatch(s -> s.contains("reads the environment"));
        assertThat(r.evidence()).anyMatch(e -> e.kind().equals("code-scan") && e.summary().startsWith("Line 3 "));
    }

    @Test
    void aFunctionNamedOtherwiseIsCalledAndFlagged() {
        GradeResult r = grade("```python\ndef isPalindrome(s):\n    t = s.replace(' ', '').lower()\n"
                + "    return t == t[::-1]\n```");
        assertThat(r.reasonTexts()).as(r.toString()).anyMatch(s -> s.contains("not named as the task asks"));
    }

    @Test
    void aFunctionThatPrintsInsteadOfReturningGoesToTheKeysRuleNotToAConfidentZero() {
        GradeResult r = grade("```python\ndef is_palindrome(s):\n    t = s.replace(' ', '').lower()\n"
                + "    print(t == t[::-1])\n```");
        assertThat(r.score()).isEqualTo(0.0);
        assertThat(r.reasonTexts()).as(r.toString()).anyMatch(s -> s.contains("prints its result instead"));
    }

    static GradeResult median(String answer, List<KeyPolicy> policies) {
        return grader.grade(new GradingInput("q4", ProblemType.PROGRAMMING, "Write def median(xs).",
                List.of(new RubricItem("tests", 15, "functionality")), 15, null, List.of(), List.of(),
                List.of(new TestCase("median([3, 1, 2])", "2"), new TestCase("median([4, 1, 3, 2])", "2.5"),
                        new TestCase("xs = [2, 1]; median(xs); xs", "[2, 1]")),
                "en", answer, policies));
    }

    @Test
    void aChargeForChangingTheCallersListIsTakenWhenARunChangedIt() {
        KeyPolicy changing = new KeyPolicy(PolicyKind.FORBIDDEN_OPERATION,
                "Changing the caller's list (e.g. `xs.sort()`): −3", 3.0, List.of("xs.sort()"));
        String sorts = "def median(xs):\n    ys = xs\n    ys.sort()\n    n = len(ys)\n"
                + "    return ys[n // 2] if n % 2 else (ys[n // 2 - 1] + ys[n // 2]) / 2\n";
        GradeResult r = median(sorts, List.of(changing));
        // The statement test fails (the list is sorted) and the rule takes 3 more: the run saw the change.
        assertThat(r.score()).as(r.toString()).isEqualTo(7.0);
        assertThat(r.evidence()).anyMatch(e -> e.kind().equals("argument-changed"));
        GradeResult copy = median(sorts.replace("ys = xs", "ys = list(xs)"), List.of(changing));
        assertThat(copy.score()).as(copy.toString()).isEqualTo(15.0);
    }

    @Test
    void theKeysScoreForPrintingEveryResultRightIsGiven() {
        KeyPolicy printed = new KeyPolicy(PolicyKind.PRINTED_RESULT, "Printing instead of returning … gets 5 points",
                5.0, List.of());
        GradeResult r = grader.grade(new GradingInput("q5", ProblemType.PROGRAMMING, "Write def rle(s).",
                List.of(new RubricItem("tests", 15, "functionality")), 15, null, List.of(), List.of(),
                List.of(new TestCase("rle(\"aab\")", "\"a2b1\""), new TestCase("rle(\"\")", "\"\"")), "en",
                "def rle(s):\n    out = ''\n    i = 0\n    while i < len(s):\n        j = i\n"
                        + "        while j < len(s) and s[j] == s[i]:\n            j += 1\n"
                        + "        out += s[i] + str(j - i)\n        i = j\n    print(out)\n",
                List.of(printed)));
        assertThat(r.score()).as(r.toString()).isEqualTo(5.0);
        assertThat(r.reviewReasons()).isEmpty();
    }

    @Test
    void pythonInsideAJavaBlockCommentIsTheProgram() {
        GradeResult r = grade("// Problem 6\n/*\ndef is_palindrome(s):\n    t = s.replace(' ', '').lower()\n"
                + "    return t == t[::-1]\n*/");
        assertThat(r.score()).as(r.toString()).isEqualTo(grade("```python\ndef is_palindrome(s):\n"
                + "    t = s.replace(' ', '').lower()\n    return t == t[::-1]\n```").score());
        assertThat(r.reasonTexts()).noneMatch(s -> s.contains("does not run"));
    }

    /** Java kept in a Python string so the file still runs: every test fails, and that says nothing of the code. */
    @Test
    void aProgramThatDefinesNoFunctionTheTestsCallGoesToReviewNotToAConfidentZero() {
        GradeResult r = grade("```python\n# Q6\nQ6_JAVA = \"\"\"\nstatic boolean isPalindrome(String s) {\n"
                + "    return new StringBuilder(s).reverse().toString().equals(s);\n}\n\"\"\"\n```");
        assertThat(r.reasonTexts()).as(r.toString()).anyMatch(s -> s.contains("does not define under any name"));
        GradeResult zh = grade("```python\n# 第6题的答案写在下面的字符串里\n答案 = '回文：左右指针向中间比较'\n```");
        assertThat(zh.reasonTexts()).as(zh.toString()).anyMatch(s -> s.contains("is_palindrome"));
        // A program that defines the function and fails the tests is graded as before.
        GradeResult wrong = grade("```python\ndef is_palindrome(s):\n    return False\n```");
        assertThat(wrong.reasonTexts()).noneMatch(s -> s.contains("does not define"));
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

    /** Five calls of 2 s each pass the 10 s wall limit: the run is killed, and the test it finished still counts. */
    @Test
    void aRunKilledByTheWallLimitKeepsItsFinishedTests() {
        GradeResult r = grade("```python\ndef is_palindrome(s):\n    if s != 'racecar':\n        while True:\n"
                + "            pass\n    return True\n```");
        assertThat(r.evidence()).as(r.toString())
                .anyMatch(e -> e.summary().startsWith("Stopped by the wall-time limit"));
        assertThat(r.evidence()).anyMatch(e -> e.summary().equals("Passed 1 of 6 tests."));
        assertThat(r.score()).isGreaterThan(0.0);
    }

    @Test
    void aSyntaxErrorScoresNothingAndSaysWhy() {
        GradeResult r = grade("```python\ndef is_palindrome(s)\n    return True\n```");
        assertThat(r.score()).isEqualTo(0.0);
        assertThat(r.evidence()).anyMatch(e -> e.summary().contains("SyntaxError"));
    }

    @Test
    void aFunctionUnderAnotherNameIsCalled() {
        GradeResult r = grade(
                "```python\ndef palindrome_check(s):\n    t = s.replace(' ', '').lower()\n    return t == t[::-1]\n```");
        assertThat(r.score()).isEqualTo(15.0);
        assertThat(r.evidence()).anyMatch(e -> e.summary().contains("palindrome_check as is_palindrome"));
    }

    @Test
    void faking_the_result_lines_is_flagged_not_believed() {
        GradeResult r = grade(
                "```python\nimport sys\nsys.__stdout__.write('SMARTAI-RESULT-x:{\"kind\":\"test\",\"ok\":true}\\n')\n"
                        + "def is_palindrome(s):\n    return False\n```");
        assertThat(r.score()).isLessThan(15.0);
        assertThat(r.reasonTexts()).anyMatch(x -> x.contains("imitates"));
    }

    @Test
    void testsAreDerivedFromTheReferenceWhenTheKeyHasNone() {
        var in = Inputs.withRubric(Inputs.of(ProblemType.PROGRAMMING, "用Python实现斐波那契数列（时间复杂度O(n)）",
                "```python\ndef fibonacci(n):\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a\n```",
                "```python\ndef fib(n):\n    if n <= 1:\n        return n\n    return fib(n-1) + fib(n-2)\n```", 10,
                List.of(),
                List.of()),
                List.of(new RubricItem("正确", 7, "functionality"), new RubricItem("时间复杂度为O(n)", 3,
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

    // ---- Tampering, imitation and hard-coding: none of it may earn a point the program did not earn ----

    /** add(a, b): no constant answer passes more than one test, so a tampering answer that returns junk earns 0. */
    static final List<TestCase> ADD_TESTS = List.of(new TestCase("add(1, 2)", "3"), new TestCase("add(5, 5)", "10"),
            new TestCase("add(-1, 1)", "0"), new TestCase("add(0.5, 0.25)", "0.75"));

    static GradeResult gradeAdd(String program) {
        return grader.grade(Inputs.of(ProblemType.PROGRAMMING, "Write add(a, b).", null, "```python\n" + program
                + "\n```", 10, List.of(), ADD_TESTS));
    }

    @Test
    void theSumIsRightWhenAddIsRight() {
        assertThat(gradeAdd("def add(a, b):\n    return a + b").score()).isEqualTo(10.0);
    }

    @Test
    void rewritingTheComparisonFromTheCallersFrameEarnsNothing() {
        GradeResult r = gradeAdd("""
                import sys
                def add(a, b):
                    f = sys._getframe(1)
                    while f is not None:
                        for name in ("same", "literal", "equal", "close"):
                            f.f_globals[name] = lambda *args, **kw: True
                        f = f.f_back
                    return None
                """);
        assertThat(r.score()).as(r.toString()).isEqualTo(0.0);
    }

    @Test
    void monkeypatchedBuiltinsAndAnObjectEqualToEverythingEarnNothing() {
        GradeResult r = gradeAdd("""
                import builtins, io, json, sys
                class Anything:
                    def __eq__(self, other): return True
                    def __ne__(self, other): return False
                    __hash__ = object.__hash__
                builtins.repr = lambda o: "True"
                builtins.str = lambda o="": "True"
                builtins.print = lambda *a, **k: None
                real = sys.__stdout__.write
                sys.__stdout__.write = lambda s: real(s.replace('"ok": false', '"ok": true'))
                sys.stdout = sys.__stdout__
                json.dumps = lambda o, *a, **k: '{"kind": "test", "ok": true, "index": %d}' % o.get("index", 0)
                def add(a, b):
                    return Anything()
                """);
        assertThat(r.score()).as(r.toString()).isEqualTo(0.0);
    }

    @Test
    void theExpectedValuesAreNotInTheSandboxToBeRead() {
        GradeResult r = gradeAdd("""
                import json, os, sys
                def add(a, b):
                    seen = []
                    for root in ("/work", "/tmp", "/dev/shm", "."):
                        for name in os.listdir(root):
                            try:
                                data = open(os.path.join(root, name), encoding="utf-8", errors="replace").read()
                            except Exception:
                                continue
                            seen.append(name)
                            for line in data.splitlines():
                                if "expected" in line or '"10"' in line:
                                    try:
                                        for t in json.loads(line)["tests"]:
                                            if t["input"] == "add(%r, %r)" % (a, b):
                                                return eval(t["expected"])
                                    except Exception:
                                        pass
                    sys.stderr.write("files: %s\\n" % seen)
                    return None
                """);
        assertThat(r.score()).as(r.toString()).isEqualTo(0.0);
    }

    @Test
    void fakeResultLinesWithoutTheNonceGoToReviewAndEarnNothing() {
        GradeResult r = gradeAdd("""
                import os, sys
                line = 'SMARTAI-RESULT-%s:{"kind": "test", "index": %d, "repr": "%s", "ok": true}\\n'
                for i, v in enumerate(["3", "10", "0", "0.75"]):
                    sys.__stdout__.write(line % ("0" * 24, i, v))
                    sys.__stdout__.flush()
                    os.write(1, (line % ("x", i, v)).encode())
                    try:
                        with open("/proc/1/fd/1", "w") as f:
                            f.write(line % ("0" * 24, i, v))
                    except OSError:
                        pass
                def add(a, b):
                    return None
                """);
        assertThat(r.score()).as(r.toString()).isEqualTo(0.0);
        assertThat(r.reasonTexts()).anyMatch(x -> x.contains("imitates"));
    }

    @Test
    void theNonceCannotBeReadFromTheHarnessToForgeResults() {
        GradeResult r = gradeAdd("""
                import gc, os, re, sys
                found = set()
                f = sys._getframe()
                while f is not None:  # the harness's own frames, if it runs us in-process
                    for v in list(f.f_locals.values()) + list(f.f_globals.values()):
                        if isinstance(v, str):
                            found.update(m.encode() for m in re.findall(r"SMARTAI-RESULT-([0-9a-f]{24})", v))
                    f = f.f_back
                for o in gc.get_objects():
                    if isinstance(o, dict):
                        for v in o.values():
                            if isinstance(v, str) and v.startswith("SMARTAI-RESULT-"):
                                found.update(m.encode() for m in re.findall(r"SMARTAI-RESULT-([0-9a-f]{24})", v))
                for pid in os.listdir("/proc"):
                    if not pid.isdigit():
                        continue
                    for what in ("cmdline", "environ", "fd/0", "mem"):
                        try:
                            with open("/proc/%s/%s" % (pid, what), "rb") as f:
                                found.update(re.findall(rb"[0-9a-f]{24}", f.read(1 << 16)))
                        except OSError:
                            pass
                try:
                    found.update(re.findall(r"[0-9a-f]{24}", sys.stdin.read()))
                except Exception:
                    pass
                for nonce in found or {b"0" * 24}:
                    for i, v in enumerate(["3", "10", "0", "0.75"]):
                        sys.__stdout__.write('SMARTAI-RESULT-%s:{"kind": "test", "index": %d, "repr": "%s", '
                                             '"ok": true}\\n' % (nonce.decode(), i, v))
                sys.__stdout__.flush()
                def add(a, b):
                    return None
                """);
        assertThat(r.score()).as(r.toString()).isEqualTo(0.0);
        assertThat(r.reasonTexts()).anyMatch(x -> x.contains("imitates"));
    }

    @Test
    void aCProgramFindsNoExpectedOutputsToCopy() {
        GradeResult r = gradeCompiled("""
                ```c
                #include <stdio.h>
                #include <string.h>
                #include <dirent.h>
                int main(void) {
                    char in[256] = {0}, data[65536], pattern[300];
                    if (!fgets(in, sizeof in, stdin)) return 0;
                    in[strcspn(in, "\\n")] = 0;
                    snprintf(pattern, sizeof pattern, "\\"input\\":\\"%s\\",\\"expected\\":\\"", in);
                    DIR *d = opendir(".");
                    struct dirent *e;
                    while (d && (e = readdir(d))) {
                        FILE *f = fopen(e->d_name, "r");
                        if (!f) continue;
                        size_t n = fread(data, 1, sizeof data - 1, f);
                        data[n] = 0;
                        fclose(f);
                        char *at = strstr(data, pattern);
                        if (at) {
                            at += strlen(pattern);
                            *strchr(at, '"') = 0;
                            printf("%s\\n", at);
                            return 0;
                        }
                    }
                    printf("none\\n");
                    return 0;
                }
                ```""");
        assertThat(r.score()).as(r.toString()).isEqualTo(0.0);
    }

    static GradingInput fibonacci(String answer) {
        return Inputs.withRubric(Inputs.of(ProblemType.PROGRAMMING, "Fibonacci in O(n)",
                "```python\ndef fibonacci(n):\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a\n```",
                answer, 10, List.of(), List.of()),
                List.of(new RubricItem("correct", 7, "functionality"),
                        new RubricItem("O(n)", 3, "complexity")));
    }

    @Test
    void aLinearProgramEarnsTheComplexityCredit() {
        GradeResult r = grader.grade(fibonacci("```python\ndef fib(n):\n    a, b = 0, 1\n    for _ in range(n):\n"
                + "        a, b = b, a + b\n    return a\n```"));
        assertThat(r.evidence())
                .anyMatch(e -> e.kind().equals("complexity") && e.summary().contains("within the bound"));
        assertThat(r.score()).as(r.toString()).isEqualTo(10.0);
    }

    /** Slow but within the harness's 2 s per call, with the clock inside stopped: the server's clock still runs. */
    @Test
    void stoppingTheClockInsideTheSandboxEarnsNoComplexityCredit() {
        GradeResult r = grader.grade(Inputs.withRubric(Inputs.of(ProblemType.PROGRAMMING, "Fibonacci in O(n)", null, """
                ```python
                import time
                time.perf_counter = lambda: 0.0
                time.monotonic = lambda: 0.0
                time.time = lambda: 0.0
                def fib(n):
                    if n >= 500:
                        time.sleep(1.9)
                    a, b = 0, 1
                    for _ in range(n):
                        a, b = b, a + b
                    return a
                ```""", 10, List.of(), List.of(new TestCase("fib(0)", "0"), new TestCase("fib(1)", "1"),
                new TestCase("fib(10)", "55"))), List.of(new RubricItem("correct", 7, "functionality"),
                        new RubricItem("O(n)", 3, "complexity"))));
        assertThat(r.evidence()).anyMatch(e -> e.kind().equals("complexity") && e.summary().contains("too slow"));
        assertThat(r.score()).as(r.toString()).isLessThanOrEqualTo(7.0);
    }

    @Test
    void returningEarlyForTheLargeInputEarnsNoComplexityCredit() {
        GradeResult r = grader.grade(fibonacci("""
                ```python
                def fib(n):
                    if n > 100:
                        return 0
                    if n <= 1:
                        return n
                    return fib(n - 1) + fib(n - 2)
                ```"""));
        assertThat(r.evidence()).anyMatch(e -> e.kind().equals("complexity") && e.summary().contains("not credited"));
        assertThat(r.score()).as(r.toString()).isLessThanOrEqualTo(7.0);
    }

    @Test
    void testsWithTheirOwnPointsWeighTheShareByThem() {
        List<TestCase> weighted = List.of(new TestCase("f(1)", "1", 2.0), new TestCase("f(2)", "2", 3.0),
                new TestCase("f(3)", "3", 5.0));
        // Test 3 (5 of 10 points) failed.
        assertThat(SandboxGrader.share(weighted, List.of(3))).isEqualTo(0.5);
        List<TestCase> plain = List.of(new TestCase("f(1)", "1"), new TestCase("f(2)", "2"), new TestCase("f(3)", "3",
                5.0));
        // Unless every test has its points, each test counts the same.
        assertThat(SandboxGrader.share(plain, List.of(3))).isEqualTo(2.0 / 3);
    }
}
