package ai.smartai.backend.grading.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ai.smartai.backend.grading.GradeResult;
import ai.smartai.backend.grading.GradingInput;
import ai.smartai.backend.testing.Needs;
import ai.smartai.model.grade.GradeMethod;
import ai.smartai.model.problem.ProblemType;
import ai.smartai.model.problem.RubricItem;
import ai.smartai.model.problem.TestCase;

/** Function tests ({@code add(2, 3)} / {@code 5}) run on a C answer's function through a generated main. */
class CCallsTest {

    static SandboxGrader grader;

    @BeforeAll
    static void setUp() throws Exception {
        grader = new SandboxGrader();
        grader.sandbox = TestSandbox.create();
    }

    static GradeResult grade(String answer, List<TestCase> tests, String language) {
        Needs.bubblewrap(grader.sandbox.isolated());
        return grader.grade(new GradingInput("q1", ProblemType.PROGRAMMING,
                language.equals("zh") ? "编写函数。" : "Write the function.",
                List.of(new RubricItem("tests", 10, "functionality")), 10, null, List.of(), List.of(), tests,
                language, answer, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "int|INT", "static long long|INT", "unsigned int|UNSIGNED", "size_t|UNSIGNED", "double|FLOAT",
            "const float|FLOAT", "_Bool|BOOL", "bool|BOOL", "char|CHAR", "const char *|STRING", "char*|STRING",
            "int *|INT_ARRAY", "const double *|FLOAT_ARRAY", "struct point|UNSUPPORTED", "int **|UNSUPPORTED",
            "void|UNSUPPORTED" })
    void typesAreKnownByWhatCanBeWrittenAndShown(String declared, CCalls.Kind kind) {
        assertThat(CCalls.kind(declared)).isEqualTo(kind);
    }

    @Test
    void writesTheKeysValuesForTheParameterTypes() {
        assertThat(CCalls.literal("[1, 2, 3]", CCalls.Kind.INT_ARRAY, "int")).hasValue("(int[]){1, 2, 3}");
        assertThat(CCalls.literal("[]", CCalls.Kind.INT_ARRAY, "long")).hasValue("(long[1]){0}");
        assertThat(CCalls.literal("[0.5, 2]", CCalls.Kind.FLOAT_ARRAY, "double")).hasValue("(double[]){0.5, 2}");
        assertThat(CCalls.literal("'it\\'s'", CCalls.Kind.STRING, "char")).hasValue("(char[]){\"it's\"}");
        assertThat(CCalls.literal("\"你好\"", CCalls.Kind.STRING, "char")).hasValue("(char[]){\"你好\"}");
        assertThat(CCalls.literal("'a'", CCalls.Kind.CHAR, "char")).hasValue("'a'");
        assertThat(CCalls.literal("True", CCalls.Kind.BOOL, "bool")).hasValue("1");
        assertThat(CCalls.literal("x", CCalls.Kind.INT, "int")).isEmpty();
        assertThat(CCalls.literal("[1, \"a\"]", CCalls.Kind.INT_ARRAY, "int")).isEmpty();
    }

    static final String ADD = """
            ```c
            #include <stdio.h>

            // 返回两数之和
            int add(int a, int b) {
                printf("debug %d\\n", a);
                return a + b;
            }

            int main(void) {
                int a, b;
                scanf("%d %d", &a, &b);
                printf("%d\\n", add(a, b));
                return 0;
            }
            ```""";

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "zh", "en" })
    void theFunctionIsCalledWithTheKeysArgumentsAndItsOwnMainAndPrintsAreIgnored(String language) {
        GradeResult r = grade(ADD, List.of(new TestCase("add(2, 3)", "5"), new TestCase("add(-4, 1)", "-3")),
                language);
        assertThat(r.method()).isEqualTo(GradeMethod.SANDBOX);
        assertThat(r.score()).as(r.toString()).isEqualTo(10.0);
        assertThat(r.reviewReasons()).isEmpty();
        GradeResult wrong = grade(ADD.replace("return a + b;", "return a - b;"),
                List.of(new TestCase("add(2, 3)", "5"), new TestCase("add(0, 0)", "0")), language);
        assertThat(wrong.score()).as(wrong.toString()).isEqualTo(5.0);
    }

    @Test
    void arraysWithTheirLengthDoublesStringsAndBooleansAreComparedAsValues() {
        String answer = """
                ```c
                #include <stdbool.h>
                #include <string.h>

                int sum(const int a[], int n) {
                    int s = 0;
                    for (int i = 0; i < n; i++) s += a[i];
                    return s;
                }

                double mean(double *xs, int n) {
                    double s = 0;
                    for (int i = 0; i < n; i++) s += xs[i];
                    return n == 0 ? 0 : s / n;
                }

                char *reverse(char *s)
                {
                    for (size_t i = 0, j = strlen(s); j-- > i; i++) { char t = s[i]; s[i] = s[j]; s[j] = t; }
                    return s;
                }

                static bool is_even(int n) { return n % 2 == 0; }

                char grade(int score) { return score >= 60 ? 'P' : 'F'; }

                const char *hello(void) { return "你好"; }
                ```""";
        GradeResult r = grade(answer, List.of(new TestCase("sum([1, 2, 3])", "6"), new TestCase("sum([4, 5], 1)", "4"),
                new TestCase("sum([])", "0"), new TestCase("mean([1, 2, 4], 3)", "2.3333333333333335"),
                new TestCase("mean([2.5])", "2.5"), new TestCase("reverse(\"abc\")", "\"cba\""),
                new TestCase("reverse('ab')", "ba"), new TestCase("is_even(4)", "true"),
                new TestCase("is_even(3)", "False"), new TestCase("grade(75)", "'P'"),
                new TestCase("hello()", "你好")), "en");
        assertThat(r.score()).as(r.toString()).isEqualTo(10.0);
    }

    @Test
    void aFunctionThatCrashesOrExitsFailsOnlyItsTests() {
        String answer = """
                ```c
                #include <stdlib.h>
                #include <stdio.h>

                int pick(int *a, int n, int i) {
                    if (i == 9) { printf("6\\n"); exit(0); }
                    if (i < 0) abort();
                    return a[i];
                }
                ```""";
        GradeResult r = grade(answer, List.of(new TestCase("pick([5, 6], 1)", "6"), new TestCase("pick([5, 6], 9)",
                "6"), new TestCase("pick([5, 6], -1)", "5"), new TestCase("pick([7], 0)", "7")), "zh");
        assertThat(r.score()).as(r.toString()).isEqualTo(5.0);
    }

    @Test
    void aMissingFunctionOrAResultThatCannotBeShownGoesToTheTeacher() {
        GradeResult missing = grade(ADD, List.of(new TestCase("plus(2, 3)", "5")), "en");
        assertThat(missing.score()).isNull();
        assertThat(missing.reasonTexts()).anyMatch(s -> s.contains("could not be called on the C answer"));
        GradeResult array = grade("```c\nint *twice(int *a, int n) { for (int i = 0; i < n; i++) a[i] *= 2; "
                + "return a; }\n```", List.of(new TestCase("twice([1, 2])", "[2, 4]")), "zh");
        assertThat(array.score()).isNull();
        assertThat(array.reviewReasons()).anyMatch(m -> m.render("zh").contains("无法在 C 作答上调用函数测试"));
    }
}
