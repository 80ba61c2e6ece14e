package ai.smartai.backend.grading.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.smartai.backend.grading.GradeResult;
import ai.smartai.backend.grading.GradingInput;
import ai.smartai.backend.testing.Needs;
import ai.smartai.model.grade.GradeMethod;
import ai.smartai.model.problem.ProblemType;
import ai.smartai.model.problem.RubricItem;
import ai.smartai.model.problem.TestCase;

/** Function tests ({@code fib(10)} / {@code 55}) run on a Java answer's method through a driver. */
class JavaCallsTest {

    static SandboxGrader grader;

    @BeforeAll
    static void setUp() throws Exception {
        grader = new SandboxGrader();
        grader.sandbox = TestSandbox.create();
    }

    static GradeResult grade(String answer, List<TestCase> tests) {
        Needs.bubblewrap(grader.sandbox.isolated());
        return grader.grade(new GradingInput("q1", ProblemType.PROGRAMMING, "Write the method.",
                List.of(new RubricItem("tests", 10, "functionality")), 10, null, List.of(), List.of(), tests, "en",
                answer, List.of()));
    }

    @Test
    void writesTheKeysValuesForTheParameterTypes() {
        assertThat(JavaCalls.literal("[1, 2, 3]", "int[]")).hasValue("new int[]{1, 2, 3}");
        assertThat(JavaCalls.literal("[[1], [2, 3]]", "int[][]"))
                .hasValue("new int[][]{new int[]{1}, new int[]{2, 3}}");
        assertThat(JavaCalls.literal("'it\\'s'", "String")).hasValue("\"it's\"");
        assertThat(JavaCalls.literal("\"abc\"", "String")).hasValue("\"abc\"");
        assertThat(JavaCalls.literal("90", "long")).hasValue("90L");
        assertThat(JavaCalls.literal("True", "boolean")).hasValue("true");
        assertThat(JavaCalls.literal("[3, 1]", "List<Integer>"))
                .hasValue("new java.util.ArrayList<Integer>(java.util.Arrays.asList(3, 1))");
        assertThat(JavaCalls.literal("x", "int")).isEmpty();
        assertThat(JavaCalls.literal("1", "Point")).isEmpty();
        assertThat(JavaCalls.splitTop("\"a, b\", [1, 2], 3")).containsExactly("\"a, b\"", "[1, 2]", "3");
    }

    static final String FIB = """
            ```java
            public class Fib {
                public static long fib(int n) {
                    long a = 0, b = 1;
                    for (int i = 0; i < n; i++) { long t = a + b; a = b; b = t; }
                    System.out.println("debug " + a);
                    return a;
                }
            }
            ```""";

    @Test
    void aStaticMethodIsCalledWithTheKeysArgumentsAndItsPrintsAreIgnored() {
        GradeResult r = grade(FIB, List.of(new TestCase("fib(0)", "0"), new TestCase("fib(10)", "55"),
                new TestCase("fib(90)", "2880067194370816120")));
        assertThat(r.method()).isEqualTo(GradeMethod.SANDBOX);
        assertThat(r.score()).as(r.toString()).isEqualTo(10.0);
        assertThat(r.reviewReasons()).isEmpty();
        GradeResult overflow = grade(FIB.replace("long", "int"), List.of(new TestCase("fib(10)", "55"),
                new TestCase("fib(90)", "2880067194370816120")));
        assertThat(overflow.score()).as(overflow.toString()).isEqualTo(5.0);
    }

    @Test
    void arraysStringsAndBooleansAreComparedAsValues() {
        String answer = """
                ```java
                import java.util.*;

                class Solution {
                    int sum(int[] xs) { int s = 0; for (int x : xs) s += x; return s; }
                    String reverse(String s) { return new StringBuilder(s).reverse().toString(); }
                    static boolean isEven(int n) { return n % 2 == 0; }
                    static List<Integer> twice(List<Integer> xs) {
                        List<Integer> out = new ArrayList<>();
                        for (int x : xs) out.add(2 * x);
                        return out;
                    }
                }
                ```""";
        GradeResult r = grade(answer, List.of(new TestCase("sum([1, 2, 3])", "6"),
                new TestCase("reverse(\"abc\")", "\"cba\""), new TestCase("reverse('ab')", "ba"),
                new TestCase("isEven(4)", "true"), new TestCase("isEven(3)", "False"),
                new TestCase("twice([1, 2])", "[2, 4]")));
        assertThat(r.score()).as(r.toString()).isEqualTo(10.0);
    }

    @Test
    void aMissingMethodGoesToTheTeacherAndAVoidMethodDoesNotCompile() {
        GradeResult missing = grade(FIB, List.of(new TestCase("fibonacci(10)", "55")));
        assertThat(missing.score()).isNull();
        assertThat(missing.reasonTexts()).anyMatch(s -> s.contains("could not be called"));
        GradeResult printed = grade(FIB.replace("public static long fib", "public static void fib")
                .replace("return a;", ""), List.of(new TestCase("fib(10)", "55")));
        assertThat(printed.score()).isEqualTo(0.0);
        assertThat(printed.reasonTexts()).anyMatch(s -> s.contains("does not run"));
    }
}
