package ai.smartai.backend.grading.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The server's verdicts on what the sandbox reported. The Python table was checked against the harness's former
 * in-sandbox rules ({@code ast.literal_eval} and its {@code same}) with CPython 3.11.
 */
class VerdictTest {

    record Row(String expected, String repr, boolean passes) {
    }

    static Row row(String expected, String repr, boolean passes) {
        return new Row(expected, repr, passes);
    }

    static Reported returned(String repr) {
        return new Reported(repr, repr, "", null, null, null, null);
    }

    @Test
    void pythonResultsCompareAsTheHarnessComparedThem() {
        List<Row> rows = List.of(
                row("3", "3", true),
                row("3", "3.0", true),
                row("0.75", "0.7500000001", true),
                row("0.75", "0.76", false),
                row("True", "1", true),
                row("1", "True", true),
                row("[1, 2]", "(1, 2)", true),
                row("[[1, 2]]", "[(1, 2)]", true),
                row("{'a': [1]}", "{'a': (1,)}", false),
                row("{'a': 1, 'b': 2}", "{'b': 2, 'a': 1}", true),
                row("{1, 2}", "{2, 1}", true),
                row("{1: 'x'}", "{1.0: 'x'}", true),
                row("'abc'", "\"abc\"", true),
                row("'a\\nb'", "'a\\nb'", true),
                row("'\\x41'", "'A'", true),
                row("None", "None", true),
                row("None", "0", false),
                row("set()", "set()", true),
                row("b'ab'", "b'ab'", true),
                row("b'ab'", "'ab'", false),
                row("1.5", "'1.5'", true),
                row("[1.0, 2]", "[1, 2.0000001]", true),
                row("-5", "-5", true),
                row("1_000", "1000", true),
                row("0x10", "16", true),
                row("'\\N{GREEK SMALL LETTER ALPHA}'", "'α'", true),
                row("(1, 'a', None)", "(1, 'a', None)", true),
                row("{'k': {1, 2}}", "{'k': {2, 1}}", true),
                row("'a' 'b'", "'ab'", true),
                row("1e3", "1000", true),
                row("[1, 2, 3]", "[1, 2]", false),
                row("0.1", "0.1 ", true),
                row("{(1, 2): 3}", "{(1.0, 2): 3}", true),
                row("'''x'''", "'x'", true),
                row("r'\\d'", "'\\\\d'", true),
                row("[1, [2, [3.0]]]", "[1, [2, [3.0000000001]]]", true),
                row("3", "<student.Anything object at 0x7f00>", false),
                row("7", "'7'", false));
        for (Row r : rows) {
            assertThat(Verdict.python(r.expected(), returned(r.repr()))).as(r.expected() + " vs " + r.repr())
                    .isEqualTo(r.passes());
        }
    }

    @Test
    void nonLiteralExpectationsCompareTheStrOrWhatWasPrinted() {
        assertThat(Verdict.python("hello world", new Reported("'hello world'", "hello world", "", null, null, null,
                null))).isTrue();
        assertThat(Verdict.python("hello world", new Reported("None", "None", "  hello world\n", null, null, null,
                null))).isTrue();
        assertThat(Verdict.python("2**10", returned("1024"))).isFalse();
        assertThat(Verdict.python("2**10", new Reported("'2**10'", "2**10", "", null, null, null, null))).isTrue();
    }

    @Test
    void anErrorOrAResultTooLongToCompareNeverPasses() {
        assertThat(Verdict.python("3", new Reported(null, null, null, null, null, null, "ValueError: x"))).isFalse();
        assertThat(Verdict.python("3", new Reported(null, "3", "3", null, null, null, null))).isFalse();
    }

    @Test
    void theReaderGivesUpOnDepthSizeAndCodeRatherThanEvaluate() {
        assertThat(PyLiteral.parse("[".repeat(PyLiteral.MAX_DEPTH + 5) + "]".repeat(PyLiteral.MAX_DEPTH + 5)))
                .isEmpty();
        assertThat(PyLiteral.parse("[" + "0,".repeat(PyLiteral.MAX_ITEMS + 1) + "]")).isEmpty();
        assertThat(PyLiteral.parse("x".repeat(PyLiteral.MAX_CHARS + 1))).isEmpty();
        for (String code : List.of("__import__('os')", "f(1)", "1 + 2j", "[x for x in y]", "{[1]: 2}", "007", "'a",
                "1 2",
                "True()", "f'x'")) {
            assertThat(PyLiteral.parse(code)).as(code).isEmpty();
        }
        assertThat(PyLiteral.parse("1, 2,")).hasValueSatisfying(v -> assertThat(PyLiteral.equal(v,
                PyLiteral.parse("(1, 2)").orElseThrow())).isTrue());
    }

    @Test
    void programOutputComparesByTextThenByTokensWithAFloatTolerance() {
        assertThat(Verdict.stdout("7", "7\n")).isTrue();
        assertThat(Verdict.stdout("1 2 3", "1  2\n3\n")).isTrue();
        assertThat(Verdict.stdout("0.333333", "0.3333333333")).isTrue();
        assertThat(Verdict.stdout("1.0", "1")).isTrue();
        assertThat(Verdict.stdout("abc", "abd")).isFalse();
        assertThat(Verdict.stdout("1 2", "1 2 3")).isFalse();
        assertThat(Verdict.stdout("5", "inf")).isFalse();
        assertThat(Verdict.stdout("5", null)).isFalse();
        assertThat(Verdict.program("7", new Reported(null, null, null, "7\n", 1, "crash", null), false)).isFalse();
        assertThat(Verdict.program("7", new Reported(null, null, null, "7\n", 0, null, null), false)).isTrue();
    }

    @Test
    void promptTextBeforeTheOutputIsTellableFromAWrongOutput() {
        Reported prompted = new Reported(null, null, null, "请输入：42\n", 0, "", null);
        assertThat(Verdict.program("42", prompted, false)).isFalse();
        assertThat(Verdict.passesWithoutPrompts("42", prompted, false)).isTrue();
        assertThat(
                Verdict.passesWithoutPrompts("42", new Reported(null, null, null, "Enter n: 41\n", 0, "", null), false))
                .isFalse();
        assertThat(Verdict.passesWithoutPrompts("42", new Reported(null, null, null, "42\n", 0, "", null), false))
                .isFalse();
    }

    @Test
    void aKeyThatAcceptsAnyOrderComparesItemsAndLinesAsMultisets() {
        Reported list = new Reported("[3, 1, 2]", "[3, 1, 2]", null, null, null, null, null);
        assertThat(Verdict.python("[1, 2, 3]", list, false)).isFalse();
        assertThat(Verdict.python("[1, 2, 3]", list, true)).isTrue();
        assertThat(Verdict.python("[1, 2, 2]", list, true)).isFalse();
        Reported lines = new Reported(null, null, null, "b\na\n", 0, null, null);
        assertThat(Verdict.program("a\nb", lines, true, false)).isFalse();
        assertThat(Verdict.program("a\nb", lines, true, true)).isTrue();
        assertThat(Verdict.program("a\nc", lines, true, true)).isFalse();
    }
}
