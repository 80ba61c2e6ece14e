package ai.smartai.backend.report;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LaTeX as a student typed it, made readable in plain text with Unicode symbols: {@code \frac{a}{b}} → (a)/(b),
 * {@code x^2} → x², {@code \le} → ≤. Not a typesetter; what it does not know stays as written, so nothing is lost.
 */
final class MathText {

    private static final Pattern FRAC = Pattern.compile("\\\\[dt]?frac\\{([^{}]*)\\}\\{([^{}]*)\\}");
    private static final Pattern SQRT = Pattern.compile("\\\\sqrt\\{([^{}]*)\\}");
    private static final Pattern SUP = Pattern.compile("\\^\\{([0-9+\\-n()=i]{1,6})\\}|\\^([0-9n])");
    private static final Pattern SUB = Pattern.compile("_\\{([0-9+\\-()=]{1,6})\\}|_([0-9])");
    private static final Pattern COMMAND = Pattern.compile("\\\\([A-Za-z]+)");
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁽⁾⁼ⁿⁱ";
    private static final String SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉₊₋₍₎₌";
    private static final String PLAIN = "0123456789+-()=ni";
    private static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("le", "≤"), Map.entry("leq", "≤"), Map.entry("ge", "≥"), Map.entry("geq", "≥"),
            Map.entry("neq", "≠"), Map.entry("ne", "≠"), Map.entry("approx", "≈"), Map.entry("times", "×"),
            Map.entry("cdot", "·"), Map.entry("div", "÷"), Map.entry("pm", "±"), Map.entry("infty", "∞"),
            Map.entry("sum", "Σ"), Map.entry("prod", "Π"), Map.entry("int", "∫"), Map.entry("partial", "∂"),
            Map.entry("pi", "π"), Map.entry("alpha", "α"), Map.entry("beta", "β"), Map.entry("gamma", "γ"),
            Map.entry("delta", "δ"), Map.entry("Delta", "Δ"), Map.entry("theta", "θ"), Map.entry("lambda", "λ"),
            Map.entry("mu", "μ"), Map.entry("sigma", "σ"), Map.entry("omega", "ω"), Map.entry("epsilon", "ε"),
            Map.entry("to", "→"), Map.entry("rightarrow", "→"), Map.entry("Rightarrow", "⇒"),
            Map.entry("Leftrightarrow", "⇔"), Map.entry("iff", "⇔"), Map.entry("implies", "⇒"),
            Map.entry("in", "∈"), Map.entry("notin", "∉"), Map.entry("subseteq", "⊆"), Map.entry("subset", "⊂"),
            Map.entry("cup", "∪"), Map.entry("cap", "∩"), Map.entry("emptyset", "∅"), Map.entry("forall", "∀"),
            Map.entry("exists", "∃"), Map.entry("neg", "¬"), Map.entry("lnot", "¬"), Map.entry("land", "∧"),
            Map.entry("wedge", "∧"), Map.entry("lor", "∨"), Map.entry("vee", "∨"), Map.entry("oplus", "⊕"),
            Map.entry("equiv", "≡"), Map.entry("mid", "|"), Map.entry("ldots", "…"), Map.entry("cdots", "⋯"),
            Map.entry("log", "log"), Map.entry("ln", "ln"), Map.entry("sin", "sin"), Map.entry("cos", "cos"),
            Map.entry("left", ""), Map.entry("right", ""), Map.entry("quad", " "), Map.entry("mathrm", ""),
            Map.entry("text", ""));

    private MathText() {
    }

    static String readable(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = text.replace("$$", "").replace("$", "").replace("\\(", "").replace("\\)", "")
                .replace("\\[", "").replace("\\]", "").replaceAll("\\\\[,;:!]", " ");
        for (int i = 0; i < 3; i++) {
            s = FRAC.matcher(s).replaceAll(m -> Matcher.quoteReplacement("(" + m.group(1) + ")/(" + m.group(2) + ")"));
            s = SQRT.matcher(s).replaceAll(m -> Matcher.quoteReplacement("√(" + m.group(1) + ")"));
        }
        s = SUP.matcher(s).replaceAll(m -> Matcher.quoteReplacement(
                map(m.group(1) != null ? m.group(1) : m.group(2), SUPERSCRIPTS, "^")));
        s = SUB.matcher(s).replaceAll(m -> Matcher.quoteReplacement(
                map(m.group(1) != null ? m.group(1) : m.group(2), SUBSCRIPTS, "_")));
        s = COMMAND.matcher(s).replaceAll(m -> Matcher.quoteReplacement(SYMBOLS.getOrDefault(m.group(1), m.group())));
        return s;
    }

    /** Each character through the table, or the original with its marker when one has no small form. */
    private static String map(String chars, String table, String marker) {
        StringBuilder out = new StringBuilder();
        for (char c : chars.toCharArray()) {
            int i = PLAIN.indexOf(c);
            if (i < 0 || i >= table.length()) {
                return marker + "(" + chars + ")";
            }
            out.append(table.charAt(i));
        }
        return out.toString();
    }
}
