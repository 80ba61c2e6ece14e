package ai.smartai.backend.grading.cas;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns what students type (LaTeX, Unicode maths, plain ASCII) into text the CAS parsers read. */
final class Latex {

    private static final Pattern SQRT_UNICODE = Pattern.compile("√\\s*(\\(([^()]*)\\)|\\{([^{}]*)\\}|([0-9A-Za-z.]+))");
    private static final Pattern BINOM_C = Pattern.compile("\\bC\\s*\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\)");

    private Latex() {
    }

    /**
     * A function applied without brackets, as typed in plain text: "ln2", "ln 2", "sin x", "sin2x", "sqrt2",
     * "sin^2 x". Its argument is a number, a letter or π, or a number and a letter, with no power after it ("sin x^2"
     * is left alone); anything longer keeps its brackets. "log" is not read so: "log2" may name the base-2 logarithm.
     */
    private static final Pattern BARE_CALL = Pattern.compile("(?<![A-Za-z])(arcsin|arccos|arctan|sinh|cosh|tanh|sin|cos"
            + "|tan|cot|sec|csc|ln|exp|sqrt)(\\^\\d)?\\s*((?:\\d+(?:\\.\\d+)?°?)?(?:[A-Za-z](?![A-Za-z(^])|π)?)"
            + "(?![\\d.(^])");

    private static final Pattern BINOM_TEX = Pattern
            .compile("\\\\(?:binom|dbinom|tbinom)\\s*\\{([^{}]*)\\}\\s*\\{([^{}]*)\\}");

    /** Markup that only changes how a symbol looks: \\textbf{r} is r. */
    private static final Pattern STYLE = Pattern.compile(
            "\\\\(?:textbf|textit|textrm|mathbf|mathit|mathrm|mathsf|boldsymbol|bm|vec|mathbb)\\s*\\{([^{}]*)\\}");
    /** \\frac12, \\frac1{x}, \\frac{a}2: TeX's one-token arguments, braced for the parser. */
    private static final Pattern FRAC_FIRST = Pattern.compile("\\\\frac\\s*([0-9A-Za-z])");
    private static final Pattern FRAC_SECOND = Pattern.compile("(\\\\frac\\{[^{}]*\\})\\s*([0-9A-Za-z])");
    private static final Pattern SIZING = Pattern.compile(
            "\\\\(?:left|right|big|Big|bigg|Bigg)[lr]?(?![A-Za-z])\\s*\\.?");
    /** Spacing: "\\ ", \\, \\; \\: \\! \\quad \\qquad and a TeX line break; never a symbol. */
    private static final Pattern SPACING = Pattern.compile("\\\\\\\\|\\\\[ ,;:!]|\\\\q?quad(?![A-Za-z])|~");

    /** A matrix environment, with the bars or {@code \\det} that make it a determinant. */
    private static final Pattern MATRIX = Pattern
            .compile("(\\\\det\\s*|\\\\left\\s*\\|\\s*)?\\\\begin\\{([pbBvV]?matrix)\\}(.*?)"
                    + "\\\\end\\{\\2\\}(\\s*\\\\right\\s*\\|)?", Pattern.DOTALL);

    static String normalise(String raw) {
        String s = determinants(raw.strip());
        s = SPACING.matcher(s).replaceAll(" ");
        s = SIZING.matcher(s).replaceAll("");
        for (int i = 0; i < 3 && STYLE.matcher(s).find(); i++) {
            s = STYLE.matcher(s).replaceAll("$1");
        }
        s = s.replace("\\cdot", "*").replace("\\times", "*");
        s = s.replace("\\dfrac", "\\frac").replace("\\tfrac", "\\frac");
        s = FRAC_FIRST.matcher(s).replaceAll("\\\\frac{$1}");
        s = FRAC_SECOND.matcher(s).replaceAll("$1{$2}");
        // \binom{n}{k} becomes C_{n}^{k}, which the CAS reads as a binomial for integer n and k.
        s = BINOM_TEX.matcher(s).replaceAll("(C_{$1}^{$2})");
        s = s.replaceAll("^\\$+|\\$+$", "").replace("\\(", "").replace("\\)", "").replace("\\[", "").replace("\\]", "");
        s = s.replace("\\displaystyle", "").replace("\\dfrac", "\\frac").replace("\\tfrac", "\\frac")
                .replace("\\,", " ").replace("\\;", " ").replace("\\!", "").replace("\\quad", " ")
                .replace("\\qquad", " ")
                .replace("\\mathrm{d}", "d").replace("\\operatorname{d}", "d");
        // Vulgar fractions as typed on phones and by Unicode-minded keys: "½ ln 3", "π/4 − ½".
        s = s.replace("½", "(1/2)").replace("⅓", "(1/3)").replace("⅔", "(2/3)").replace("¼", "(1/4)")
                .replace("¾", "(3/4)");
        s = s.replace('×', '*').replace('·', '*').replace('÷', '/').replace('−', '-').replace('，', ',')
                .replace('（', '(').replace('）', ')');
        s = s.replaceAll("[。.,;；、]+$", "").strip();
        return s;
    }

    /** A determinant written with bars ({@code vmatrix}, {@code \\left|…\\right|}) or {@code \\det}, written out. */
    private static String determinants(String s) {
        Matcher m = MATRIX.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String env = m.group(2);
            String body = m.group(3);
            boolean bars = m.group(1) != null && m.group(1).startsWith("\\left") && m.group(4) != null;
            boolean det = env.equals("vmatrix") || env.equals("Vmatrix") || bars
                    || m.group(1) != null && m.group(1).startsWith("\\det");
            // Other matrices are left as they were: the parser drops a column vector's rows and reads a product of
            // matrices entry by entry, so no step through one may be judged by their reading.
            m.appendReplacement(b, Matcher.quoteReplacement(det ? determinant(body) : m.group()));
        }
        m.appendTail(b);
        return b.toString();
    }

    /**
     * A 2×2 or 3×3 determinant written out ((a)*(d)-(b)*(c)), which the parser reads; a larger one is left as text
     * the parser refuses, so no step through it is judged.
     */
    private static String determinant(String body) {
        String[] rows = body.strip().split("\\s*\\\\\\\\\\s*");
        int n = rows.length;
        String[][] a = new String[n][];
        for (int i = 0; i < n; i++) {
            a[i] = rows[i].split("&", -1);
            if (a[i].length != n) {
                return "\\det?";
            }
            for (int j = 0; j < n; j++) {
                a[i][j] = "(" + a[i][j].strip() + ")";
            }
        }
        if (n == 2) {
            return "(" + a[0][0] + "*" + a[1][1] + "-" + a[0][1] + "*" + a[1][0] + ")";
        }
        if (n == 3) {
            return "(" + a[0][0] + "*(" + a[1][1] + "*" + a[2][2] + "-" + a[1][2] + "*" + a[2][1] + ")-" + a[0][1]
                    + "*(" + a[1][0] + "*" + a[2][2] + "-" + a[1][2] + "*" + a[2][0] + ")+" + a[0][2] + "*("
                    + a[1][0] + "*" + a[2][1] + "-" + a[1][1] + "*" + a[2][0] + "))";
        }
        return "\\det?";
    }

    static String bareCalls(String s) {
        Matcher m = BARE_CALL.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String arg = m.group(3);
            String call = arg.isEmpty() ? m.group() : m.group(2) == null ? m.group(1) + "(" + arg + ")"
                    : "(" + m.group(1) + "(" + arg + "))" + m.group(2);
            m.appendReplacement(b, Matcher.quoteReplacement(call));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** Words of four letters or more that plain maths may hold: functions, constants and Greek letters. */
    private static final Set<String> MATHS_WORDS = Set.of("arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "sqrt",
            "infinity", "floor", "ceil", "binomial", "degree", "alpha", "beta", "gamma", "delta", "epsilon", "theta",
            "lambda", "sigma", "omega", "kappa", "zeta");
    /** A word, not a call: "Integrate(…)" names a function, which the parser's own checks judge. */
    private static final Pattern WORD = Pattern.compile("(?<![A-Za-z])[A-Za-z]{4,}+(?!\\s*\\()");

    /**
     * Plain text with a word that is no maths ("the limit is 1", "it converges", "applying the rule once more"):
     * prose, which a relaxed parser would read as a product of letters.
     */
    static boolean isProse(String s) {
        Matcher m = WORD.matcher(s);
        while (m.find()) {
            if (!MATHS_WORDS.contains(m.group().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    static boolean looksLikeLatex(String s) {
        return s.contains("\\") || s.contains("^{") || s.contains("_");
    }

    /** Plain maths for Symja's relaxed parser. */
    static String plain(String s) {
        // "(√2/4)(x − π/4)²": the relaxed parser would square the whole product; the times sign keeps the power on
        // its own factor.
        String out = bareCalls(s).replaceAll("\\)\\s*\\(", ")*(").replace("π", "Pi").replace("²", "^2")
                .replace("³", "^3").replace("∞", "Infinity");
        Matcher m = SQRT_UNICODE.matcher(out);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String arg = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            m.appendReplacement(b, Matcher.quoteReplacement("Sqrt(" + arg + ")"));
        }
        m.appendTail(b);
        out = BINOM_C.matcher(b.toString()).replaceAll("Binomial($1,$2)");
        if (out.contains("∫") || out.contains("∑")) {
            return "\u0000";
        }
        return out;
    }
}
