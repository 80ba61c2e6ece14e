package ai.smartai.backend.grading.sandbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import ai.smartai.backend.grading.sandbox.PyLiteral.Seq;
import ai.smartai.backend.grading.sandbox.PyLiteral.Value;

/**
 * Whether a program's result is the expected one. Decided here, on the server, from what the sandbox reported: the
 * expected values never enter the sandbox, and nothing the student produced is evaluated (results are read by
 * {@link PyLiteral}). A student who controls the report can only claim results they could have returned.
 */
final class Verdict {

    private Verdict() {
    }

    /**
     * A Python call. When the expected text is a literal, the result's repr must be one too and equal it, with
     * floats within 1e-6 relative (1e-9 absolute) and lists and tuples alike; otherwise the result's str, or what
     * the call printed (stripped), must be the expected text.
     */
    static boolean python(String expected, Reported got) {
        return python(expected, got, false);
    }

    /** The same; with {@code anyOrder} (the key's rule), a list's or tuple's items may come in any order. */
    static boolean python(String expected, Reported got, boolean anyOrder) {
        if (got.error() != null) {
            return false;
        }
        Optional<Value> literal = PyLiteral.parse(expected);
        if (literal.isPresent()) {
            Optional<Value> value = PyLiteral.parse(got.repr());
            return value.isPresent() && same(value.get(), literal.get(), anyOrder);
        }
        return expected.equals(got.str()) || got.printed() != null && PyLiteral.strip(got.printed()).equals(expected);
    }

    /**
     * A function's value that a driver printed as Python would show it ({@link JavaCalls}), compared as a Python
     * call's value: literals by equality, a bare expected text ({@code abc}, {@code true}) with the printed string
     * or boolean.
     */
    static boolean value(String expected, Reported got, boolean anyOrder) {
        if (got.error() != null || got.exit() == null || got.exit() != 0 || got.stdout() == null) {
            return false;
        }
        String shown = PyLiteral.strip(got.stdout());
        String e = expected.strip();
        e = e.equals("true") ? "True" : e.equals("false") ? "False" : e.equals("null") ? "None" : e;
        Optional<Value> literal = PyLiteral.parse(e);
        Optional<Value> value = PyLiteral.parse(shown);
        if (literal.isPresent()) {
            return value.isPresent() && same(value.get(), literal.get(), anyOrder);
        }
        return value.isPresent() && value.get() instanceof PyLiteral.Str s && s.value().equals(e);
    }

    private static boolean same(Value got, Value expected, boolean anyOrder) {
        if (got instanceof PyLiteral.Float || expected instanceof PyLiteral.Float) {
            Optional<Double> a = PyLiteral.asFloat(got);
            Optional<Double> b = PyLiteral.asFloat(expected);
            return a.isPresent() && b.isPresent() && close(a.get(), b.get());
        }
        if (got instanceof Seq g && expected instanceof Seq e) {
            List<Value> x = g.items();
            List<Value> y = e.items();
            if (x.size() != y.size()) {
                return false;
            }
            if (anyOrder) {
                // each expected item matched by one item of the result, whatever its place
                List<Value> left = new ArrayList<>(x);
                for (Value want : y) {
                    int at = -1;
                    for (int i = 0; i < left.size() && at < 0; i++) {
                        at = same(left.get(i), want, true) ? i : -1;
                    }
                    if (at < 0) {
                        return false;
                    }
                    left.remove(at);
                }
                return true;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i), false)) {
                    return false;
                }
            }
            return true;
        }
        return PyLiteral.equal(got, expected);
    }

    /** Python's {@code math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)}. */
    private static boolean close(double a, double b) {
        if (a == b) {
            return true;
        }
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            return false;
        }
        double diff = Math.abs(a - b);
        return diff <= 1e-6 * Math.max(Math.abs(a), Math.abs(b)) || diff <= 1e-9;
    }

    /**
     * A program's run: it exited with status 0 and printed the expected output, compared as printed
     * ({@link #lines}) when the key asks for exact output, else by {@link #stdout}.
     */
    static boolean program(String expected, Reported got, boolean exact) {
        return got.error() == null && got.exit() != null && got.exit() == 0 && output(expected, got.stdout(), exact);
    }

    /** The same; with {@code anyOrder} (the key's rule), the output's lines may come in any order. */
    static boolean program(String expected, Reported got, boolean exact, boolean anyOrder) {
        if (program(expected, got, exact)) {
            return true;
        }
        return anyOrder && got.error() == null && got.exit() != null && got.exit() == 0 && got.stdout() != null
                && sortedLines(got.stdout()).equals(sortedLines(expected));
    }

    private static List<String> sortedLines(String text) {
        return trimmedLines(text).stream().map(String::strip).filter(l -> !l.isEmpty()).sorted().toList();
    }

    private static boolean output(String expected, String got, boolean exact) {
        return exact ? lines(expected, got) : stdout(expected, got);
    }

    /**
     * Prompt text at the start of a line: words that ask for input ("请输入：", "Enter n: ", "Type a word:"), with no
     * digit, up to a colon, question mark or {@code >}. A label printed with the result ("Answer: ", "结果：") asks
     * for nothing, so it stays: it is wrong output.
     */
    private static final Pattern PROMPT = Pattern.compile(
            "^[^\\n0-9:：]*?(?:enter|input|type|please|give|provide|请|输入)[^\\n0-9:：]*?[:：?？>]\\s*",
            Pattern.CASE_INSENSITIVE);

    /**
     * The run would pass without its prompt text ({@link #PROMPT}; a line that held only a prompt goes with it), and
     * does not as printed: what a key's rule for prompts decides, or the teacher.
     */
    static boolean passesWithoutPrompts(String expected, Reported got, boolean exact) {
        if (got.error() != null || got.exit() == null || got.exit() != 0 || got.stdout() == null
                || output(expected, got.stdout(), exact)) {
            return false;
        }
        String bare = withoutPrompts(got.stdout());
        return !bare.equals(got.stdout()) && output(expected, bare, exact);
    }

    private static String withoutPrompts(String out) {
        List<String> kept = new ArrayList<>();
        for (String line : out.split("\n", -1)) {
            Matcher m = PROMPT.matcher(line);
            if (!m.lookingAt()) {
                kept.add(line);
            } else if (m.end() < line.length()) {
                kept.add(line.substring(m.end()));
            }
        }
        return String.join("\n", kept);
    }

    /**
     * Output as printed, line by line: only spaces at line ends and blank lines at the end do not count (a missing
     * or extra final newline). A leading blank line, a label or another case fails.
     */
    static boolean lines(String expected, String got) {
        return got != null && trimmedLines(got).equals(trimmedLines(expected));
    }

    private static List<String> trimmedLines(String text) {
        List<String> out = Arrays.stream(text.replace("\r\n", "\n").split("\n", -1)).map(String::stripTrailing)
                .collect(Collectors.toCollection(ArrayList::new));
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /**
     * A program's standard output against the expected output: the same text once stripped, else the same
     * whitespace-separated tokens, where numeric tokens may differ by 1e-6 relative (at least 1e-6 absolute).
     */
    static boolean stdout(String expected, String got) {
        if (got == null) {
            return false;
        }
        String a = PyLiteral.strip(got);
        String b = PyLiteral.strip(expected);
        if (a.equals(b)) {
            return true;
        }
        List<String> x = PyLiteral.split(a);
        List<String> y = PyLiteral.split(b);
        if (x.size() != y.size()) {
            return false;
        }
        for (int i = 0; i < x.size(); i++) {
            if (x.get(i).equals(y.get(i))) {
                continue;
            }
            Optional<Double> fx = PyLiteral.floatText(x.get(i));
            Optional<Double> fy = PyLiteral.floatText(y.get(i));
            if (fx.isEmpty() || fy.isEmpty() || !Double.isFinite(fx.get()) || !Double.isFinite(fy.get())) {
                return false;
            }
            double u = fx.get();
            double v = fy.get();
            if (Math.abs(u - v) > 1e-6 * Math.max(1.0, Math.max(Math.abs(u), Math.abs(v)))) {
                return false;
            }
        }
        return true;
    }
}
