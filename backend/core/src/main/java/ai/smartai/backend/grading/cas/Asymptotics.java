package ai.smartai.backend.grading.cas;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asymptotic bounds as algorithms courses write them ({@code Θ(n log n)}, {@code O(n^2)},
 * {@code \Omega(n^{\log_4 3})}, {@code T(n) = Θ(n lg² n)}), read into an order of growth and compared by it: constant
 * factors, lower-order terms and the base of a logarithm do not matter, which is no test a CAS's equivalence makes.
 * Only one-variable growths of the form {@code c^n · n^p · (log n)^q} are read; anything else is not.
 */
public final class Asymptotics {

    public enum Kind {
        BIG_O,
        THETA,
        OMEGA
    }

    /** {@code base^n · n^power · (log n)^logPower}, constant factors left out. */
    public record Growth(double base, double power, double logPower) {

        /** A power read from a rounded exponent (n^0.79 for n^(log₄3) = n^0.7925) is the same power. */
        static final double POWER_SLACK = 0.01;

        static final Growth CONSTANT = new Growth(1, 0, 0);

        public boolean same(Growth other) {
            return Math.abs(base - other.base) < 1e-9 * Math.max(1, base)
                    && Math.abs(power - other.power) <= POWER_SLACK
                    && Math.abs(logPower - other.logPower) < 1e-9;
        }

        /** Which grows faster: the exponential base first, then the power of n, then the power of the logarithm. */
        int compare(Growth other) {
            if (Math.abs(base - other.base) >= 1e-9 * Math.max(1, base)) {
                return Double.compare(base, other.base);
            }
            if (Math.abs(power - other.power) > 1e-9) {
                return Double.compare(power, other.power);
            }
            return Math.abs(logPower - other.logPower) < 1e-9 ? 0 : Double.compare(logPower, other.logPower);
        }

        Growth times(Growth o) {
            return new Growth(base * o.base, power + o.power, logPower + o.logPower);
        }

        Growth to(double e) {
            return new Growth(Math.pow(base, e), power * e, logPower * e);
        }
    }

    /**
     * A bound as written: its kind, its variable, its text, its order of growth and what it bounds ({@code T(n)} in
     * {@code T(n) = Θ(n)}; empty when nothing is written before it).
     */
    public record Bound(Kind kind, char variable, String written, Growth growth, String subject) {

        /** The same kind of bound on the same order of growth in the same variable. */
        public boolean same(Bound other) {
            return kind == other.kind && sameGrowth(other);
        }

        public boolean sameGrowth(Bound other) {
            return variable == other.variable && growth.same(other.growth);
        }
    }

    private static final Pattern OPEN = Pattern.compile(
            "(?<![A-Za-z\\\\])(Θ|Ω|O|Theta|Omega|\\\\Theta|\\\\Omega|\\\\mathcal\\s*\\{?O\\}?|\\\\mathrm\\s*\\{O\\}|"
                    + "\\\\operatorname\\s*\\{O\\}|\\\\Theta\\s*\\\\left|\\\\Omega\\s*\\\\left|O\\s*\\\\left)\\s*\\(");

    private Asymptotics() {
    }

    /** Every bound the text writes, in order; those whose growth cannot be read are left out. */
    public static List<Bound> all(String text) {
        List<Bound> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = OPEN.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            int close = closing(text, m.end() - 1);
            if (close < 0) {
                break;
            }
            String inner = text.substring(m.end(), close);
            String subject = subject(text.substring(Math.max(0, m.start() - 40), m.start()));
            read(inner).ifPresent(g -> out.add(new Bound(kind(m.group(1)), g.variable, text.substring(m.start(),
                    close + 1), g.growth, subject)));
            from = close + 1;
        }
        return out;
    }

    /**
     * The bound a key gives as its result: the one its answer line writes ({@code keyLine}), or else the one its whole
     * text writes; empty when it writes different ones, since which is the result is then not for this class to say.
     */
    public static Optional<Bound> result(String keyLine, String reference) {
        List<Bound> all = all(keyLine.isBlank() ? reference : keyLine);
        if (all.isEmpty() || all.stream().anyMatch(b -> !b.same(all.get(0)))) {
            return Optional.empty();
        }
        return Optional.of(all.get(0));
    }

    /** The last bound the text writes, if any. */
    public static Optional<Bound> last(String text) {
        List<Bound> all = all(text);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    private static final Pattern SUBJECT = Pattern.compile(
            "([A-Za-z](?:_\\{?\\w+\\}?)?\\s*\\(\\s*[a-z]\\s*\\))\\s*(?:=|∈|\\\\in|is)\\s*\\$?\\s*$");

    /** "T(n) = " or "T(n) ∈ " just before a bound: what it bounds, without spaces. */
    private static String subject(String before) {
        Matcher m = SUBJECT.matcher(before);
        return m.find() ? m.group(1).replaceAll("\\s+", "") : "";
    }

    /** The bounds of {@code text} on what {@code reference} bounds (all of them when the reference names nothing). */
    public static List<Bound> on(Bound reference, String text) {
        return all(text).stream().filter(b -> reference.subject().isEmpty() || b.subject().equals(reference.subject()))
                .toList();
    }

    private static Kind kind(String head) {
        if (head.contains("Θ") || head.contains("Theta")) {
            return Kind.THETA;
        }
        return head.contains("Ω") || head.contains("Omega") ? Kind.OMEGA : Kind.BIG_O;
    }

    private static int closing(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private record Read(char variable, Growth growth) {
    }

    /** The order of growth of a bound's argument, or empty when it is not one this class reads. */
    static Optional<Read> read(String inner) {
        try {
            Reader r = new Reader(tokens(normalise(inner)));
            Growth g = r.sum();
            // A bound without a variable is Θ(1): variable 0, growth constant.
            if (r.at < r.tokens.size() || !Double.isFinite(g.power) || !Double.isFinite(g.base)) {
                return Optional.empty();
            }
            return Optional.of(new Read(r.variable, g));
        } catch (IllegalArgumentException | IndexOutOfBoundsException unsupported) {
            return Optional.empty();
        }
    }

    static String normalise(String s) {
        String t = s.replace("\\left", "").replace("\\right", "").replaceAll("\\\\[,;!: ]", " ")
                .replace("$", " ").replace("\\cdot", "*").replace("\\times", "*").replace('·', '*').replace('×', '*')
                .replace('⋅', '*').replace("\\log", "log").replace("\\lg", "log").replace("\\ln", "log")
                .replace("\\sqrt", "sqrt").replace("√", "sqrt").replace('{', '(').replace('}', ')').replace('−', '-');
        t = t.replaceAll("(?<![a-z])(lg|ln)(?![a-z])", "log");
        // "\frac(a)(b)" after the braces became brackets.
        t = t.replaceAll("\\\\frac\\s*(\\([^()]*\\))\\s*(\\([^()]*\\))", "($1/$2)");
        // A run of superscript or subscript digits is one bracketed number: log₄3 is log_(4)3, not log_43.
        StringBuilder out = new StringBuilder();
        String open = "";
        for (char c : t.toCharArray()) {
            int sup = "⁰¹²³⁴⁵⁶⁷⁸⁹".indexOf(c);
            int sub = "₀₁₂₃₄₅₆₇₈₉".indexOf(c);
            String mark = sup >= 0 ? "^" : sub >= 0 ? "_" : "";
            if (!mark.equals(open) && !open.isEmpty()) {
                out.append(')');
            }
            if (!mark.isEmpty() && !mark.equals(open)) {
                out.append(mark).append('(');
            }
            open = mark;
            out.append(sup >= 0 ? (char) ('0' + sup) : sub >= 0 ? (char) ('0' + sub) : c);
        }
        return open.isEmpty() ? out.toString() : out.append(')').toString();
    }

    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isDigit(c) || c == '.') {
                int j = i;
                while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.')) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            } else if (s.startsWith("log", i) || s.startsWith("sqrt", i)) {
                String word = s.startsWith("log", i) ? "log" : "sqrt";
                out.add(word);
                i += word.length();
            } else if (Character.isLetter(c) || "()+-*/^_".indexOf(c) >= 0) {
                out.add(String.valueOf(c));
                i++;
            } else {
                throw new IllegalArgumentException("not read: " + c);
            }
        }
        return out;
    }

    /** A recursive-descent reading of sums, products, powers, logarithms and roots of one variable. */
    private static final class Reader {
        final List<String> tokens;
        int at;
        char variable;

        Reader(List<String> tokens) {
            this.tokens = tokens;
        }

        String peek() {
            return at < tokens.size() ? tokens.get(at) : "";
        }

        boolean eat(String t) {
            if (peek().equals(t)) {
                at++;
                return true;
            }
            return false;
        }

        /** A sum grows as its fastest term. */
        Growth sum() {
            Growth g = product();
            while (peek().equals("+") || peek().equals("-")) {
                at++;
                Growth next = product();
                if (next.compare(g) > 0) {
                    g = next;
                }
            }
            return g;
        }

        Growth product() {
            Growth g = power();
            while (true) {
                if (eat("*")) {
                    g = g.times(power());
                } else if (eat("/")) {
                    g = g.times(power().to(-1));
                } else if (startsFactor(peek())) {
                    g = g.times(power());
                } else {
                    return g;
                }
            }
        }

        boolean startsFactor(String t) {
            return t.equals("(") || t.equals("log") || t.equals("sqrt") || isVariable(t) || isNumber(t);
        }

        Growth power() {
            if (isNumber(peek()) && at + 2 < tokens.size() && tokens.get(at + 1).equals("^")
                    && isVariable(tokens.get(at + 2))) {
                // 2^n: an exponential.
                double base = Double.parseDouble(tokens.get(at));
                at += 2;
                variable(tokens.get(at++));
                return new Growth(base, 0, 0);
            }
            Growth g = atom();
            if (eat("^")) {
                g = g.to(exponent());
            }
            return g;
        }

        Growth atom() {
            String t = peek();
            if (isNumber(t)) {
                at++;
                return Growth.CONSTANT;
            }
            if (isVariable(t)) {
                at++;
                variable(t);
                return new Growth(1, 1, 0);
            }
            if (eat("(")) {
                Growth g = sum();
                expect(")");
                return g;
            }
            if (eat("sqrt")) {
                return atom().to(0.5);
            }
            if (eat("log")) {
                if (eat("_")) {
                    numberOrGroup();
                }
                double k = 1;
                if (eat("^")) {
                    k = numberOrGroup();
                }
                Growth arg = power();
                if (arg.base != 1 || arg.logPower != 0 && arg.power == 0) {
                    throw new IllegalArgumentException("log of an exponential or of a logarithm");
                }
                return arg.power == 0 ? Growth.CONSTANT : new Growth(1, 0, k);
            }
            throw new IllegalArgumentException("not read: " + t);
        }

        /** An exponent: a number, a bracketed numeric expression, or log_b a. */
        double exponent() {
            if (eat("log")) {
                expect("_");
                double base = numberOrGroup();
                double of = numberOrGroup();
                return Math.log(of) / Math.log(base);
            }
            if (eat("-")) {
                return -exponent();
            }
            return numberOrGroup();
        }

        double numberOrGroup() {
            if (eat("(")) {
                double v = numeric();
                expect(")");
                return v;
            }
            String t = tokens.get(at++);
            if (!isNumber(t)) {
                throw new IllegalArgumentException("not a number: " + t);
            }
            return Double.parseDouble(t);
        }

        /** Arithmetic on numbers and log_b a, inside an exponent. */
        double numeric() {
            double v = numericProduct();
            while (peek().equals("+") || peek().equals("-")) {
                v = tokens.get(at++).equals("+") ? v + numericProduct() : v - numericProduct();
            }
            return v;
        }

        double numericProduct() {
            double v = exponent();
            while (peek().equals("*") || peek().equals("/")) {
                v = tokens.get(at++).equals("*") ? v * exponent() : v / exponent();
            }
            return v;
        }

        void expect(String t) {
            if (!eat(t)) {
                throw new IllegalArgumentException("expected " + t);
            }
        }

        void variable(String t) {
            char c = t.charAt(0);
            if (variable != 0 && variable != c) {
                throw new IllegalArgumentException("two variables");
            }
            variable = c;
        }

        static boolean isVariable(String t) {
            return t.length() == 1 && Character.isLetter(t.charAt(0));
        }

        static boolean isNumber(String t) {
            return t.matches("\\d*\\.?\\d+");
        }
    }
}
