package ai.smartai.backend.grading.cas;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Tuples and vectors in a final answer: "(1, -2)", "(1, 1)^T", a pmatrix/bmatrix column or row. Compared component by
 * component with the CAS, or up to a non-zero multiple where any multiple is as right (an eigenvector).
 */
final class Tuples {

    private static final Pattern ROUND = Pattern.compile("^\\s*(?:\\\\left)?([(\\[])\\s*(.+?)\\s*(?:\\\\right)?([)\\]])"
            + "\\s*(?:\\^\\s*\\{?\\s*(?:T|\\\\top)\\s*\\}?)?\\s*$", Pattern.DOTALL);
    private static final Pattern MATRIX = Pattern
            .compile("^\\s*\\\\begin\\{[pbv]?matrix\\}(.+?)\\\\end\\{[pbv]?matrix\\}"
                    + "\\s*(?:\\^\\s*\\{?\\s*(?:T|\\\\top)\\s*\\}?)?\\s*$", Pattern.DOTALL);

    /**
     * A number before a matrix or tuple, "\\frac12\\begin{pmatrix}…", "\\dfrac{10}{9}(1, 2, 2)": each component is
     * multiplied by it.
     */
    private static final Pattern SCALED = Pattern.compile(
            "^(-?\\s*(?:\\\\[dt]?frac\\s*(?:\\{[^{}]+}|\\d)\\s*(?:\\{[^{}]+}|\\d)"
                    + "|\\d+(?:\\.\\d+)?(?:\\s*/\\s*\\d+)?))\\s*(?:\\\\cdot|\\*)?\\s*(?=\\\\begin\\{[pbv]?matrix}|\\\\left\\s*\\(|\\()",
            Pattern.DOTALL);
    /** A row break in a matrix, with the spacing some write after it ("\\\\[2pt]"). */
    private static final Pattern ROW_BREAK = Pattern.compile("\\\\\\\\(?:\\[[^\\]]*])?");

    private Tuples() {
    }

    /** The brackets a tuple was written with: "()" for a tuple, vector or matrix; "[)" or "(]" for an interval. */
    static Optional<String> brackets(String text) {
        String t = unscaled(text.replace("$", "").strip());
        Matcher m = ROUND.matcher(t);
        return m.matches() ? Optional.of(m.group(1) + m.group(3)) : MATRIX.matcher(t).matches() ? Optional.of("()")
                : Optional.empty();
    }

    private static String unscaled(String t) {
        Matcher s = SCALED.matcher(t);
        return s.lookingAt() ? t.substring(s.end()) : t;
    }

    /**
     * The components of a tuple or a matrix (row by row); empty when the text is not one. A number written before it
     * multiplies every component.
     */
    static Optional<List<String>> read(String text) {
        String t = text.replace("$", "").strip();
        Matcher scaled = SCALED.matcher(t);
        if (scaled.lookingAt()) {
            String factor = scaled.group(1).replaceAll("\\s+", "");
            return read(t.substring(scaled.end()))
                    .map(parts -> parts.stream().map(p -> "(" + factor + ")*(" + p + ")").toList());
        }
        Matcher m = MATRIX.matcher(t);
        List<String> parts;
        if (m.matches()) {
            String body = m.group(1).strip();
            boolean column = body.contains("\\\\");
            boolean row = body.contains("&");
            if (column && row) {
                return matrix(body);
            }
            parts = List.of(column ? ROW_BREAK.split(body) : body.split("&"));
        } else {
            m = ROUND.matcher(t);
            if (!m.matches() || m.group(2).contains("(") && !balanced(m.group(2))) {
                return Optional.empty();
            }
            parts = topLevel(m.group(2));
        }
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            if (!p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out.size() >= 2 ? Optional.of(out) : Optional.empty();
    }

    /** A matrix's entries row by row, when every row has as many; empty otherwise. */
    private static Optional<List<String>> matrix(String body) {
        List<String> out = new ArrayList<>();
        int width = -1;
        for (String row : ROW_BREAK.split(body)) {
            if (row.isBlank()) {
                continue;
            }
            String[] cells = row.split("&", -1);
            if (width >= 0 && cells.length != width || Stream.of(cells).anyMatch(String::isBlank)) {
                return Optional.empty();
            }
            width = cells.length;
            Stream.of(cells).map(String::strip).forEach(out::add);
        }
        return out.size() >= 4 ? Optional.of(out) : Optional.empty();
    }

    /** Splits at commas outside brackets and braces. */
    static List<String> topLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if ((c == ',' || c == '，') && depth == 0 && (i == 0 || s.charAt(i - 1) != '\\')) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    private static boolean balanced(String s) {
        int depth = 0;
        for (char c : s.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    /**
     * Whether two tuples are equal, or (with {@code upToScale}) one a non-zero multiple of the other; empty when a
     * component could not be valued. Components are compared by the CAS's numeric fingerprints.
     */
    static Optional<Boolean> same(Cas cas, List<String> a, List<String> b, boolean upToScale) {
        if (a.size() != b.size()) {
            return Optional.of(false);
        }
        double[][] x = new double[a.size()][];
        double[][] y = new double[b.size()][];
        for (int i = 0; i < a.size(); i++) {
            Optional<Cas.Expr> ea = cas.parse(a.get(i));
            Optional<Cas.Expr> eb = cas.parse(b.get(i));
            if (ea.isEmpty() || eb.isEmpty()) {
                return Optional.empty();
            }
            x[i] = cas.fingerprint(ea.get());
            y[i] = cas.fingerprint(eb.get());
            if (x[i] == null || y[i] == null) {
                return Optional.empty();
            }
        }
        if (!upToScale) {
            for (int i = 0; i < x.length; i++) {
                if (!Cas.sameFingerprint(x[i], y[i])) {
                    return Optional.of(false);
                }
            }
            return Optional.of(true);
        }
        // b = k·a for one k ≠ 0, at every point of the fingerprint.
        for (int p = 0; p < x[0].length; p++) {
            Double k = null;
            for (int i = 0; i < x.length; i++) {
                double u = x[i][p];
                double v = y[i][p];
                if (Math.abs(u) < 1e-12 || Math.abs(v) < 1e-12) {
                    if (Math.abs(u) >= 1e-12 || Math.abs(v) >= 1e-12) {
                        return Optional.of(false);
                    }
                    continue;
                }
                double ratio = v / u;
                if (k == null) {
                    k = ratio;
                } else if (Math.abs(ratio - k) > 1e-7 * Math.max(1, Math.abs(k))) {
                    return Optional.of(false);
                }
            }
            if (k == null) {
                return Optional.of(false);
            }
        }
        return Optional.of(true);
    }
}
