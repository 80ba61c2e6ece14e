package ai.smartai.backend.ingest.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.smartai.model.problem.TestCase;

/**
 * Program tests in the ways teachers write them, in a key or in a problem statement's examples. A test is a call and
 * its value ({@code f(3)} / {@code 6}) or a program's standard input and output; the grader tells them apart by
 * whether the input is a call.
 *
 * <p>Read everywhere: {@code assert f(x) == y} lines, and under a "Tests:" heading, two-column tables and
 * {@code input → output} lines. Read for programs only (a calculation's {@code f(3) = 6} is no test): tables headed
 * {@code | 输入 | 期望输出 |} / {@code | input | expected |}; labelled blocks ({@code 用例1 输入 `1 2`，期望输出：} then a
 * code block, {@code Test 1. Input: ``` … ``` Expected output: ``` … ```}, {@code Sample input / Sample output},
 * {@code 输入样例 / 输出样例}); doctest lines ({@code >>> f(3)} with the value on the next line); and a call with its
 * value ({@code f(3) → 6}, {@code f(3) returns 6}, {@code f(3) = 6}, {@code `f(3)` 返回 `6`}) when its arguments are
 * literals, so that a statement such as {@code gcd(a, 0) == a} is not taken for a test.
 */
final class TestReader {

    private static final Pattern TESTS_HEAD = Pattern.compile(
            "^\\s*(?:#+\\s*)?\\**(test cases?|tests|测试用例|测试样例|样例|examples?)\\**\\s*"
                    + "(?:[(（][^)）]{0,60}[)）])?\\s*(?:[,，][^:：]{0,40})?[:：]?\\s*$",
            Pattern.CASE_INSENSITIVE);
    /** {@code assert f(x) == y}, and {@code assert f(x) is None} (or True, False): the value is the expected one. */
    private static final Pattern ASSERT = Pattern.compile(
            "^\\s*assert\\s+(.+?)\\s*(?:==\\s*(.+?)|\\s+is\\s+(None|True|False))\\s*(?:#.*)?$");
    /** A comment that gives the next test its points: "# T1（2 分）空输入", "// Test 3 (3 points)". */
    private static final Pattern POINTS_COMMENT = Pattern.compile("(?i)^\\s*(?:#|//)\\s*(?:T|test|测试|用例)?\\s*#?\\d*"
            + "\\s*[(（]\\s*(\\d+(?:\\.\\d+)?)\\s*(?:分|points?|pts?|marks?)\\s*[)）]");
    private static final Pattern ARROW = Pattern.compile("^\\s*(?:[-*•]\\s*)?(.+?)\\s*(?:→|->|=>|⇒)\\s*(.+?)\\s*$");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\s*\\|?(.+?)\\|(.+?)\\|?\\s*$");
    private static final Pattern SEPARATOR = Pattern.compile("\\s*\\|?[\\s:|-]+\\|?\\s*");
    private static final Pattern INPUT_COLUMN = Pattern.compile(
            "(?i)(测试输入|用例输入|样例输入|输入|参数|调用|input|args?|arguments?|call|stdin)");
    private static final Pattern EXPECTED_COLUMN = Pattern.compile(
            "(?i)(期望输出|预期输出|期望结果|预期结果|期望|预期|输出|返回值?|结果|expected|output|result|returns?|stdout)");
    /** "用例1 ", "Test 1.", "Case 1 —", "Sample", "- " before an input label. */
    private static final String TEST_PREFIX = "^\\s*(?:[-*•>]\\s*)?(?:\\*\\*)?(?:(?:测试用例|用例|测试|样例|示例|例|"
            + "test(?:\\s*case)?|case|example|sample)\\s*#?\\s*\\d*\\s*[.:：、)）—–-]?\\s*)?(?:\\*\\*)?\\s*";
    private static final Pattern INPUT_LABEL = Pattern.compile(TEST_PREFIX
            + "(?:sample\\s+input|example\\s+input|input|stdin|输入样例|样例输入|输入)\\s*#?\\d*\\s*(?:\\*\\*)?\\s*[:：]?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OUTPUT_LABEL = Pattern.compile(TEST_PREFIX
            + "(?:(?:expected|sample|example)\\s+output|output|stdout|expected|期望输出|预期输出|输出样例|样例输出|输出)"
            + "\\s*#?\\d*\\s*(?:\\*\\*)?\\s*[:：]?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_OUTPUT_LABEL = Pattern.compile(
            "\\s*(?:[,，;；]|→|->|=>)?\\s*(?:(?:expected|sample|example)\\s+output|output|expected|期望输出|预期输出|"
                    + "输出样例|样例输出|输出)\\s*[:：]?",
            Pattern.CASE_INSENSITIVE);
    /** "Test 3." or "用例2：" alone on a line, over the input label. */
    private static final Pattern TEST_NUMBER_LINE = Pattern.compile(
            "(?i)^\\s*(?:\\*\\*)?(?:测试用例|用例|测试|样例|test(?:\\s*case)?|case|example)\\s*#?\\s*\\d+\\s*[.:：]?"
                    + "\\s*(?:\\*\\*)?\\s*$");
    private static final Pattern SPAN = Pattern.compile("`([^`]*)`");
    private static final String CALL = "([A-Za-z_][A-Za-z0-9_]*\\s*\\(.*\\))";
    private static final String YIELDS = "\\s*(?:→|->|=>|⇒|==|=|returns?|should return|gives|返回|应返回|应该返回|输出)\\s*";
    private static final Pattern CALL_LINE = Pattern.compile("^\\s*(?:[-*•]\\s*)?(?:例\\s*[:：]\\s*|e\\.g\\.\\s*)?"
            + CALL + YIELDS + "(.+?)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern CALL_SPANS = Pattern.compile("`" + "([A-Za-z_][A-Za-z0-9_]*\\s*\\([^`]*\\))`" + YIELDS
            + "`([^`]+)`", Pattern.CASE_INSENSITIVE);
    private static final Pattern DOCTEST = Pattern.compile("^\\s*>>>\\s*" + CALL + "\\s*$");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern NAME = Pattern.compile("\\b[A-Za-z_][A-Za-z0-9_]*\\b");

    private TestReader() {
    }

    /**
     * Removes the test lines (and code fences that held only tests) from {@code lines} and returns the tests in the
     * order written. {@code program}: the text belongs to a programming problem, so the looser forms are read too.
     */
    static List<TestCase> take(List<String> lines, boolean program) {
        List<TestCase> tests = new ArrayList<>();
        boolean inTestSection = false;
        boolean tableHeaderSeen = false;
        int[] columns = null;
        boolean inFence = false;
        // "# T3（3 分）…" over an assert: that test's own points.
        Double points = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line == null) {
                continue;
            }
            if (line.strip().startsWith("```")) {
                inFence = !inFence;
                continue;
            }
            Matcher worth = POINTS_COMMENT.matcher(line);
            if (worth.find() && i + 1 < lines.size() && lines.get(i + 1) != null
                    && ASSERT.matcher(lines.get(i + 1)).matches()) {
                points = Double.valueOf(worth.group(1));
                lines.set(i, null);
                continue;
            }
            Matcher a = ASSERT.matcher(line);
            if (a.matches()) {
                tests.add(new TestCase(a.group(1).strip(), (a.group(2) != null ? a.group(2) : a.group(3)).strip(),
                        points));
                points = null;
                lines.set(i, null);
                continue;
            }
            if (program && doctest(lines, i, tests)) {
                continue;
            }
            if (inFence && !inTestSection) {
                continue;
            }
            if (!inFence && TESTS_HEAD.matcher(line).matches()) {
                inTestSection = true;
                lines.set(i, null);
                continue;
            }
            if (program && !inFence && columns == null && i + 1 < lines.size() && lines.get(i + 1) != null
                    && SEPARATOR.matcher(lines.get(i + 1)).matches() && line.contains("|")) {
                columns = testColumns(Texts.cells(line));
                if (columns != null) {
                    lines.set(i, null);
                    lines.set(i + 1, null);
                    i++;
                    continue;
                }
            }
            if (columns != null) {
                List<String> row = Texts.cells(line);
                if (!row.isEmpty() && row.size() > Math.max(columns[0], columns[1])) {
                    tests.add(new TestCase(cell(row.get(columns[0])), cell(row.get(columns[1]))));
                    lines.set(i, null);
                    continue;
                }
                columns = null;
            }
            if (program && !inFence && plainTable(lines, i, tests)) {
                continue;
            }
            if (program && !inFence && labelled(lines, i, tests)) {
                continue;
            }
            if (program && !inFence && callValue(lines, i, tests)) {
                continue;
            }
            if (!inTestSection) {
                continue;
            }
            Matcher row = TABLE_ROW.matcher(line);
            if (line.contains("|") && row.matches()) {
                String left = cell(row.group(1));
                String right = cell(row.group(2));
                boolean separator = left.matches("[-: ]+") && right.matches("[-: ]+");
                boolean header = !tableHeaderSeen && left.toLowerCase(Locale.ROOT).matches(".*(input|输入|参数|args?).*");
                if (header) {
                    tableHeaderSeen = true;
                } else if (!separator) {
                    tests.add(new TestCase(left, right));
                }
                lines.set(i, null);
                continue;
            }
            Matcher arrow = ARROW.matcher(line);
            if (arrow.matches()) {
                tests.add(new TestCase(unquote(arrow.group(1)), unquote(arrow.group(2))));
                lines.set(i, null);
                continue;
            }
            if (!line.isBlank()) {
                inTestSection = false;
            }
        }
        dropEmptyFences(lines);
        lines.removeIf(l -> l == null);
        return tests;
    }

    /** The input and expected columns of a table header, or null when it is not a test table. */
    private static int[] testColumns(List<String> head) {
        int input = -1;
        int expected = -1;
        for (int c = 0; c < head.size(); c++) {
            String h = head.get(c).replace("**", "").replace("`", "").strip();
            if (expected < 0 && input >= 0 && EXPECTED_COLUMN.matcher(h).find()) {
                expected = c;
            } else if (input < 0 && INPUT_COLUMN.matcher(h).find() && !EXPECTED_COLUMN.matcher(h).lookingAt()) {
                input = c;
            }
        }
        return input >= 0 && expected >= 0 ? new int[] { input, expected } : null;
    }

    /** "Test  Expected" over rows without bars, as a PDF's or a plain-text page's table comes out. */
    private static final Pattern PLAIN_HEAD = Pattern.compile("(?i)^\\s*(?:tests?|calls?|inputs?|test calls?|调用|测试|"
            + "输入)\\s+(?:expected(?:\\s+(?:output|value|result|return))?|returns?|期望(?:输出|结果|返回值?)?|"
            + "预期(?:输出|结果)?)\\s*$");

    private static final Pattern CALL_START = Pattern.compile("^[A-Za-z_][A-Za-z0-9_.]*\\s*\\(");

    /**
     * A table without bars: the header, then rows of a call and its value, the call ending at its closing
     * parenthesis. Rows stop at the first line that is not one.
     */
    private static boolean plainTable(List<String> lines, int i, List<TestCase> tests) {
        if (!PLAIN_HEAD.matcher(lines.get(i)).matches()) {
            return false;
        }
        List<TestCase> rows = new ArrayList<>();
        List<Integer> used = new ArrayList<>();
        for (int j = i + 1; j < lines.size() && lines.get(j) != null; j++) {
            String row = lines.get(j).strip();
            if (row.isEmpty()) {
                continue;
            }
            int close = callEnd(row);
            Optional<TestCase> test = close < 0 || close + 1 >= row.length() ? Optional.empty()
                    : literalCall(row.substring(0, close + 1), row.substring(close + 1).strip());
            if (test.isEmpty()) {
                break;
            }
            rows.add(test.get());
            used.add(j);
        }
        if (rows.isEmpty()) {
            return false;
        }
        tests.addAll(rows);
        lines.set(i, null);
        used.forEach(j -> lines.set(j, null));
        return true;
    }

    /** Where the call that starts {@code row} ({@code name(…)}) closes, brackets and strings balanced; -1 if none. */
    private static int callEnd(String row) {
        Matcher name = CALL_START.matcher(row);
        if (!name.lookingAt()) {
            return -1;
        }
        int depth = 0;
        char quote = 0;
        for (int k = name.end() - 1; k < row.length(); k++) {
            char c = row.charAt(k);
            if (quote != 0) {
                if (c == '\\') {
                    k++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
                if (depth == 0) {
                    return c == ')' ? k : -1;
                }
            }
        }
        return -1;
    }

    /** {@code >>> f(3)} with the value on the next line. */
    private static boolean doctest(List<String> lines, int i, List<TestCase> tests) {
        Matcher m = DOCTEST.matcher(lines.get(i));
        if (!m.matches() || i + 1 >= lines.size() || lines.get(i + 1) == null) {
            return false;
        }
        String value = lines.get(i + 1).strip();
        if (value.isEmpty() || value.startsWith(">>>") || value.startsWith("...") || value.startsWith("```")) {
            return false;
        }
        tests.add(new TestCase(m.group(1).strip(), value));
        lines.set(i, null);
        lines.set(i + 1, null);
        return true;
    }

    /**
     * A stdin/stdout test under labels: the input inline in backticks or in the code block that follows, then the
     * expected output the same way, on the same line or the next.
     */
    private static boolean labelled(List<String> lines, int i, List<TestCase> tests) {
        String line = lines.get(i);
        Matcher label = INPUT_LABEL.matcher(line);
        if (!label.lookingAt()) {
            return false;
        }
        String rest = line.substring(label.end());
        Matcher span = SPAN.matcher(rest);
        boolean inlineInput = span.find() && onlyNotes(rest.substring(0, span.start()));
        String input;
        String afterInput;
        int next;
        if (inlineInput) {
            input = span.group(1);
            afterInput = rest.substring(span.end());
            next = i + 1;
        } else {
            if (!onlyNotes(rest)) {
                return false; // "输入：一个整数 n" describes the input, it is no test
            }
            int[] fence = fenceAfter(lines, i + 1);
            if (fence == null) {
                return false;
            }
            input = String.join("\n", lines.subList(fence[0] + 1, fence[1]));
            afterInput = "";
            next = fence[1] + 1;
        }
        String expected = null;
        int end = next;
        Matcher inlineOut = INLINE_OUTPUT_LABEL.matcher(afterInput);
        if (inlineInput && inlineOut.lookingAt()) {
            String outRest = afterInput.substring(inlineOut.end());
            Matcher outSpan = SPAN.matcher(outRest);
            if (outSpan.find() && onlyNotes(outRest.substring(0, outSpan.start()))) {
                expected = outSpan.group(1);
            } else if (onlyNotes(outRest)) {
                int[] fence = fenceAfter(lines, next);
                if (fence != null) {
                    expected = String.join("\n", lines.subList(fence[0] + 1, fence[1]));
                    end = fence[1] + 1;
                }
            }
        } else if (afterInput.isBlank()) {
            int j = next;
            while (j < lines.size() && lines.get(j) != null && lines.get(j).isBlank()) {
                j++;
            }
            Matcher out = j < lines.size() && lines.get(j) != null ? OUTPUT_LABEL.matcher(lines.get(j)) : null;
            if (out != null && out.lookingAt()) {
                String outRest = lines.get(j).substring(out.end());
                Matcher outSpan = SPAN.matcher(outRest);
                if (outSpan.find() && onlyNotes(outRest.substring(0, outSpan.start()))) {
                    expected = outSpan.group(1);
                    end = j + 1;
                } else if (onlyNotes(outRest)) {
                    int[] fence = fenceAfter(lines, j + 1);
                    if (fence != null) {
                        expected = String.join("\n", lines.subList(fence[0] + 1, fence[1]));
                        end = fence[1] + 1;
                    }
                }
            }
        }
        if (expected == null) {
            return false;
        }
        tests.add(new TestCase(input, expected));
        int from = i;
        int k = i - 1;
        while (k >= 0 && lines.get(k) != null && lines.get(k).isBlank()) {
            k--;
        }
        if (k >= 0 && lines.get(k) != null && TEST_NUMBER_LINE.matcher(lines.get(k)).matches()) {
            from = k;
        }
        for (int x = from; x < end; x++) {
            lines.set(x, null);
        }
        return true;
    }

    /** Text that is no value: punctuation, a parenthesised note ("（行首有空格）", "(empty)"), bold markers. */
    private static boolean onlyNotes(String s) {
        return s.replaceAll("[(（][^)）]*[)）]", "").replaceAll("[\\s*:：,，.。;；—–-]", "").isEmpty();
    }

    /** The code fence that starts at or after {@code from}, past blank lines: its opening and closing lines. */
    private static int[] fenceAfter(List<String> lines, int from) {
        int j = from;
        while (j < lines.size() && lines.get(j) != null && lines.get(j).isBlank()) {
            j++;
        }
        if (j >= lines.size() || lines.get(j) == null || !lines.get(j).strip().startsWith("```")) {
            return null;
        }
        for (int k = j + 1; k < lines.size(); k++) {
            if (lines.get(k) == null) {
                return null;
            }
            if (lines.get(k).strip().startsWith("```")) {
                return new int[] { j, k };
            }
        }
        return null;
    }

    /** {@code f(3) → 6} on a line of its own, or {@code `f(3)` 返回 `6`} pairs inside a sentence. */
    private static boolean callValue(List<String> lines, int i, List<TestCase> tests) {
        String line = lines.get(i);
        List<TestCase> found = new ArrayList<>();
        Matcher state = STATE_LINE.matcher(line);
        if (state.matches()) {
            // "`int[] a = {1, 2, 3}; reverse(a);` → afterwards `a` is still `{1, 2, 3}`": statements, then a
            // variable whose value is compared.
            String value = state.group(3).strip();
            found.add(new TestCase(state.group(1).strip() + " " + state.group(2),
                    value.startsWith("{") ? javaArrays(value.replace("{", "new int[]{")) : javaArrays(value)));
            tests.addAll(found);
            lines.set(i, null);
            return true;
        }
        Matcher spans = CALL_SPANS.matcher(line);
        while (spans.find()) {
            literalCall(spans.group(1), spans.group(2)).ifPresent(found::add);
        }
        if (found.isEmpty() && !line.contains("`")) {
            Matcher m = CALL_LINE.matcher(line);
            if (m.matches()) {
                literalCall(m.group(1), m.group(2).replaceAll("[。；;，,]+$", "").replaceAll("(?<=[A-Za-z'\"\\])}])\\.$",
                        "")).ifPresent(found::add);
            }
        }
        if (found.isEmpty()) {
            return false;
        }
        tests.addAll(found);
        lines.set(i, null);
        return true;
    }

    /** A call whose arguments are literals, with a value that names no variable: a test, not a statement. */
    private static Optional<TestCase> literalCall(String call, String value) {
        String c = call.strip();
        String v = unquote(value);
        if (JAVA_ARRAY.matcher(c).find()) {
            // A Java key writes arrays as `new int[]{1, 2}` and their values as `{2, 1}`: the tests keep one notation,
            // the list, which the driver writes back for the method's parameter types.
            c = javaArrays(c);
            v = v.startsWith("{") ? javaArrays(v.replace("{", "new int[]{")) : javaArrays(v);
        }
        int open = c.indexOf('(');
        if (v.isEmpty() || !literal(c.substring(open + 1, c.length() - 1)) || !literal(v)) {
            return Optional.empty();
        }
        return Optional.of(new TestCase(c, v));
    }

    private static final Pattern STATE_LINE = Pattern.compile("^\\s*(?:[-*•]\\s*)?`([^`]*;)\\s*`\\s*(?:→|->|=>|⇒)\\s*"
            + "(?:afterwards|then|after that|after the call|调用后|之后)\\s*,?\\s*`([A-Za-z_]\\w*)`\\s*"
            + "(?:is still|is|==|equals|still equals|仍然?是|仍为|为)\\s*(?:still\\s*)?`([^`]+)`\\s*\\.?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern JAVA_ARRAY = Pattern.compile("\\bnew\\s+[A-Za-z_][\\w.]*\\s*(?:\\[\\s*]\\s*)+\\{");

    /** {@code new int[]{1, 2}} (nested too) as {@code [1, 2]}; strings are left alone. */
    static String javaArrays(String s) {
        StringBuilder out = new StringBuilder();
        Matcher m = JAVA_ARRAY.matcher(s);
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quote != 0) {
                out.append(ch);
                if (ch == '\\' && i + 1 < s.length()) {
                    out.append(s.charAt(++i));
                } else if (ch == quote) {
                    quote = 0;
                }
            } else if (ch == '"' || ch == '\'') {
                quote = ch;
                out.append(ch);
            } else if (m.find(i) && m.start() == i) {
                out.append('[');
                depth++;
                i = m.end() - 1;
            } else if (ch == '{' && depth > 0) {
                out.append('[');
                depth++;
            } else if (ch == '}' && depth > 0) {
                out.append(']');
                depth--;
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    private static boolean literal(String s) {
        String bare = STRING_LITERAL.matcher(s).replaceAll("\"\"");
        if (bare.codePoints().anyMatch(Texts::isHan) || s.length() > 200) {
            return false; // "6，因为……": a sentence, not a value
        }
        Matcher names = NAME.matcher(bare);
        while (names.find()) {
            if (!names.group().matches("True|False|None|true|false|null|inf|nan|\\d\\w*")) {
                return false;
            }
        }
        return true;
    }

    /** Drops fences left empty once their tests were taken. */
    private static void dropEmptyFences(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i) != null && lines.get(i).strip().startsWith("```")) {
                int j = i + 1;
                while (j < lines.size() && lines.get(j) == null) {
                    j++;
                }
                if (j < lines.size() && j > i + 1 && lines.get(j) != null && lines.get(j).strip().equals("```")) {
                    lines.set(i, null);
                    lines.set(j, null);
                }
            }
        }
    }

    /** A table cell's value: without the code span around it, with {@code <br>} as a line break. */
    private static String cell(String s) {
        return unquote(s.replaceAll("(?i)<br\\s*/?>", "\n"));
    }

    private static String unquote(String s) {
        String t = s.strip();
        if (t.length() >= 2 && t.startsWith("`") && t.endsWith("`") && t.indexOf('`', 1) == t.length() - 1) {
            return t.substring(1, t.length() - 1).strip();
        }
        return t;
    }
}
