package ai.smartai.backend.grading.cas;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private Tuples() {
    }

    /** The brackets a tuple was written with: "()" for a tuple, vector or matrix; "[)" or "(]" for an interval. */
    static Optional<String> brackets(String text) {
        Matcher m = ROUND.matcher(text.replace("$", "").strip());
        return m.matches() ? Optional.of(m.group(1) + m.group(3)) : MATRIX.matcher(text.replace("$", "").strip())
                .matches() ? Optional.of("()") : Optional.empty();
    }

    /** The components of a tuple or a one-row/one-column matrix; empty when the text is not one. */
    static Optional<List<String>> read(String text) {
        String t = text.replace("$", "").strip();
        Matcher m = MATRIX.matcher(t);
        List<String> parts;
        if (m.matches()) {
            String body = m.group(1).strip();
            boolean column = body.contains("\\\\");
            boolean row = body.contains("&");
            if (column && row) {
                return Optional.empty();
            }
            parts = List.of(body.split(column ? "\\\\\\\\" : "&"));
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
