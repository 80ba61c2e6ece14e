package ai.smartai.backend.grading.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.smartai.backend.grading.GradeResult;
import ai.smartai.backend.grading.GradingInput;
import ai.smartai.backend.testing.Needs;
import ai.smartai.model.grade.GradeMethod;
import ai.smartai.model.problem.KeyPolicy;
import ai.smartai.model.problem.PolicyKind;
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

    static GradeResult grade(String stem, String answer, List<TestCase> tests) {
        Needs.bubblewrap(grader.sandbox.isolated());
        return grader.grade(new GradingInput("q1", ProblemType.PROGRAMMING, stem,
                List.of(new RubricItem("tests", 10, "functionality")), 10, null, List.of(), List.of(), tests, "en",
                answer, List.of()));
    }

    static final List<TestCase> VOWELS = List.of(new TestCase("countVowels(\"Hello\")", "2"),
            new TestCase("countVowels(\"\")", "0"), new TestCase("countVowels(\"AEIOU\")", "5"));

    @Test
    void aBareMethodUnderASentenceIsWrappedInAClassAndCalled() {
        GradeResult r = grade("""
                I count the characters that occur in "aeiou".
                static int countVowels(String s) {
                    int n = 0;
                    for (char c : s.toLowerCase().toCharArray()) if ("aeiou".indexOf(c) >= 0) n++;
                    return n;
                }""", VOWELS);
        assertThat(r.method()).isEqualTo(GradeMethod.SANDBOX);
        assertThat(r.score()).as(r.toString()).isEqualTo(10.0);
        assertThat(r.reviewReasons()).isEmpty();
    }

    @Test
    void aClassWithTheStudentsOwnMainCallingOtherProblemsMethodsIsCalledWithoutItsMain() {
        GradeResult r = grade("""
                public class Homework {
                    // Problem 1
                    public static int countVowels(String s) {
                        return s.replaceAll("[^aeiouAEIOU]", "").length();
                    }

                    public static void main(String[] args) {
                        System.out.println(countVowels("Hello") + " " + reverse(new int[]{1}));
                    }
                }""", VOWELS);
        assertThat(r.score()).as(r.toString()).isEqualTo(10.0);
        assertThat(r.reviewReasons()).isEmpty();
    }

    @Test
    void aMethodNamedALittleOtherwiseIsCalledAndFlaggedAndAnotherParameterTypeIsFlagged() {
        GradeResult misnamed = grade("```java\nstatic int countVowel(String s) {\n"
                + "    return s.replaceAll(\"[^aeiouAEIOU]\", \"\").length();\n}\n```", VOWELS);
        assertThat(misnamed.score()).as(misnamed.toString()).isEqualTo(10.0);
        assertThat(misnamed.reasonTexts()).anyMatch(s -> s.contains("countVowel → countVowels"));
        GradeResult retyped = grade("Write `static boolean isPrime(int n)`.", """
                static boolean isPrime(long n) {
                    if (n < 2) return false;
                    for (long d = 2; d * d <= n; d++) if (n % d == 0) return false;
                    return true;
                }""", List.of(new TestCase("isPrime(2)", "true"), new TestCase("isPrime(25)", "false")));
        assertThat(retyped.score()).as(retyped.toString()).isEqualTo(10.0);
        assertThat(retyped.reasonTexts()).anyMatch(s -> s.contains("isPrime(long) for boolean isPrime(int)"));
    }

    @Test
    void javaCommentedOutOrKeptInAPythonStringIsTheProgram() {
        String commented = """
                # static int countVowels(String s) {
                #     return s.replaceAll("[^aeiouAEIOU]", "").length();
                # }""";
        assertThat(Code.forCalls(commented, List.of("countVowels")).language()).isEqualTo("java");
        GradeResult r = grade("Q1_JAVA = \"\"\"\n" + commented.replace("# ", "") + "\n\"\"\"", VOWELS);
        assertThat(r.score()).as(r.toString()).isEqualTo(10.0);
        assertThat(grade(commented, VOWELS).score()).isEqualTo(10.0);
    }

    static GradeResult grade(String answer, List<TestCase> tests, List<KeyPolicy> policies) {
        Needs.bubblewrap(grader.sandbox.isolated());
        return grader.grade(new GradingInput("q1", ProblemType.PROGRAMMING, "Write the method.",
                List.of(new RubricItem("tests", 10, "functionality")), 10, null, List.of(), List.of(), tests, "en",
                answer, policies));
    }

    static final String COPY = """
            static int[] reverse(int[] a) {
                int[] r = new int[a.length];
                for (int i = 0; i < a.length; i++) r[i] = a[a.length - 1 - i];
                return r;
            }""";

    static final String IN_PLACE = """
            static int[] reverse(int[] a) {
                for (int i = 0; i < a.length / 2; i++) { int t = a[i]; a[i] = a[a.length - 1 - i]; a[a.length - 1 - i] = t; }
                return a;
            }""";

    @Test
    void aTestOfStatementsComparesTheVariableTheyLeave() {
        List<TestCase> tests = List.of(new TestCase("reverse([1, 2, 3])", "[3, 2, 1]"),
                new TestCase("int[] a = {1, 2, 3}; reverse(a); a", "[1, 2, 3]"));
        GradeResult copy = grade(COPY, tests);
        assertThat(copy.score()).as(copy.toString()).isEqualTo(10.0);
        GradeResult inPlace = grade(IN_PLACE, tests);
        assertThat(inPlace.score()).as(inPlace.toString()).isEqualTo(5.0);
        assertThat(inPlace.reviewReasons()).isEmpty();
    }

    @Test
    void theKeysSignatureRuleAndChargedCallsAreApplied() {
        KeyPolicy signature = new KeyPolicy(PolicyKind.SIGNATURE, "A wrong signature costs 2 points", 2.0, List.of());
        GradeResult misnamed = grade("static int countVowel(String s) {\n"
                + "    return s.replaceAll(\"[^aeiouAEIOU]\", \"\").length();\n}", VOWELS, List.of(signature));
        assertThat(misnamed.score()).as(misnamed.toString()).isEqualTo(8.0);
        assertThat(misnamed.reviewReasons()).isEmpty();
        KeyPolicy charged = new KeyPolicy(PolicyKind.FORBIDDEN_OPERATION, "Using `StringBuilder.reverse`: −5", 5.0,
                List.of("StringBuilder.reverse"));
        String library = "static String flip(String s) {\n    return new StringBuilder(s).reverse().toString();\n}";
        List<TestCase> flips = List.of(new TestCase("flip(\"ab\")", "\"ba\""));
        GradeResult r = grade(library, flips, List.of(charged));
        assertThat(r.score()).as(r.toString()).isEqualTo(5.0);
        assertThat(r.evidence()).anyMatch(e -> e.kind().equals("key-rule"));
        // The same rule, the term only in a comment: nothing to deduct.
        GradeResult commented = grade("// not StringBuilder.reverse\nstatic String flip(String s) {\n"
                + "    String r = \"\";\n    for (char c : s.toCharArray()) r = c + r;\n    return r;\n}", flips,
                List.of(charged));
        assertThat(commented.score()).as(commented.toString()).isEqualTo(10.0);
    }

    /** The stem states the method static; an answer that leaves static out differs from it (a −2 in many keys). */
    @Test
    void aMissingStaticTheStemStatesIsADifference() {
        String stem = "Implement `public static int countVowels(String s)` inside `class Solution`.";
        assertThat(JavaCalls.signatureDiffers(stem, "public int countVowels(String s) { return 0; }", "countVowels"))
                .contains("countVowels(String) is not static");
        assertThat(JavaCalls.signatureDiffers(stem, "public static int countVowels(String text) { return 0; }",
                "countVowels")).isEmpty();
        assertThat(JavaCalls.signatureDiffers(stem, "class Solution {\n    public static int countVowels(String s) {\n"
                + "        return 0;\n    }\n}", "countVowels")).isEmpty();
        assertThat(JavaCalls.signatureDiffers(stem, "class Solution {\n    public int countVowels(String s) {\n"
                + "        return 0;\n    }\n}", "countVowels")).isPresent();
        assertThat(JavaCalls.signatureDiffers("Implement `int countVowels(String s)`.",
                "public int countVowels(String s) { return 0; }", "countVowels")).isEmpty();
    }
}
