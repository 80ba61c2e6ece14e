package ai.smartai.backend.grading.cas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Boolean expressions as students write them (A'C' + B'D', \overline{A}\,\overline{C}, ¬A∧B, A·B̄) decided by truth
 * table, and the minterm specification of a problem (F(A,B,C,D) = Σm(0,1,2,…)).
 */
public final class BooleanAlgebra {

    /** A parsed Boolean function. */
    public interface Node {
        boolean eval(Map<Character, Boolean> values);

        void variables(Set<Character> out);

        int literals();
    }

    /** The problem's own definition: variables in order (the first is the most significant bit) and minterms. */
    public record Spec(List<Character> variables, Set<Integer> minterms, Set<Integer> dontCares) {
        public boolean value(int row) {
            return minterms.contains(row);
        }
    }

    private static final Pattern CONTEXT = Pattern.compile(
            "(卡诺图|布尔|逻辑函数|逻辑表达式|与或式|或与式|最简|karnaugh|k-map|boolean|minterm|sum of products|\\\\sum\\s*m|Σ\\s*m|∑\\s*m)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SPEC = Pattern.compile(
            "[A-Z]\\s*\\(([A-Z](?:\\s*,\\s*[A-Z])+)\\)\\s*=\\s*(?:\\\\sum|Σ|∑)?\\s*_?\\{?\\s*m\\s*\\}?\\s*\\(([0-9,\\s]+)\\)"
                    + "(?:\\s*\\+\\s*(?:\\\\sum|Σ|∑)?\\s*_?\\{?\\s*d\\s*\\}?\\s*\\(([0-9,\\s]+)\\))?");

    private BooleanAlgebra() {
    }

    /** A Boolean problem: the stem speaks of Karnaugh maps, minterms or Boolean functions. */
    public static boolean isBooleanProblem(String stem) {
        return stem != null && CONTEXT.matcher(stem).find();
    }

    public static Optional<Spec> spec(String stem) {
        Matcher m = SPEC.matcher(stem.replace("$", ""));
        if (!m.find()) {
            return Optional.empty();
        }
        List<Character> vars = new ArrayList<>();
        for (String v : m.group(1).split(",")) {
            vars.add(v.strip().charAt(0));
        }
        return Optional.of(new Spec(vars, numbers(m.group(2)), m.group(3) == null ? Set.of() : numbers(m.group(3))));
    }

    private static Set<Integer> numbers(String list) {
        Set<Integer> out = new TreeSet<>();
        for (String n : list.split(",")) {
            if (!n.isBlank()) {
                out.add(Integer.parseInt(n.strip()));
            }
        }
        return out;
    }

    /** Parses "F = A'C' + B'D'" or just the right side; empty when it is not a Boolean expression. */
    public static Optional<Node> parse(String text) {
        String s = text.replace("$", "").strip();
        int eq = s.lastIndexOf('=');
        if (eq >= 0) {
            s = s.substring(eq + 1);
        }
        s = s.replace("\\left", "").replace("\\right", "").replace("\\,", "").replace("\\;", "").replace("\\ ", "")
                .replace("\\cdot", "·").replace("\\land", "·").replace("\\wedge", "·").replace("\\lor", "+")
                .replace("\\vee", "+").replace("\\neg", "¬").replace("\\bar", "\\overline").replace("̄", "'")
                .replaceAll("[。.]+$", "");
        try {
            Parser p = new Parser(s);
            Node n = p.expr();
            p.skip();
            if (p.pos != p.s.length()) {
                return Optional.empty();
            }
            Set<Character> vars = new TreeSet<>();
            n.variables(vars);
            return vars.isEmpty() ? Optional.empty() : Optional.of(n);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The rows (as minterm numbers over {@code vars}) where two functions differ. */
    public static List<Integer> differences(Node a, Node b, List<Character> vars) {
        List<Integer> diff = new ArrayList<>();
        for (int row = 0; row < (1 << vars.size()); row++) {
            var values = assignment(row, vars);
            if (a.eval(values) != b.eval(values)) {
                diff.add(row);
            }
        }
        return diff;
    }

    /** The rows where a function disagrees with the problem's minterms (don't-cares ignored). */
    public static List<Integer> differences(Node a, Spec spec) {
        List<Integer> diff = new ArrayList<>();
        for (int row = 0; row < (1 << spec.variables().size()); row++) {
            if (spec.dontCares().contains(row)) {
                continue;
            }
            if (a.eval(assignment(row, spec.variables())) != spec.value(row)) {
                diff.add(row);
            }
        }
        return diff;
    }

    public static List<Character> variables(Node... nodes) {
        Set<Character> vars = new TreeSet<>();
        for (Node n : nodes) {
            n.variables(vars);
        }
        return new ArrayList<>(vars);
    }

    static Map<Character, Boolean> assignment(int row, List<Character> vars) {
        Map<Character, Boolean> values = new HashMap<>();
        for (int i = 0; i < vars.size(); i++) {
            values.put(vars.get(i), ((row >> (vars.size() - 1 - i)) & 1) == 1);
        }
        return values;
    }

    private static final class Parser {
        final String s;
        int pos;

        Parser(String s) {
            this.s = s;
        }

        void skip() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        boolean eat(String token) {
            skip();
            if (s.startsWith(token, pos)) {
                pos += token.length();
                return true;
            }
            return false;
        }

        Node expr() {
            List<Node> terms = new ArrayList<>();
            terms.add(term());
            while (eat("+") || eat("∨") || eat("|") || eatWord("or")) {
                terms.add(term());
            }
            return terms.size() == 1 ? terms.get(0) : new Op(true, terms);
        }

        boolean eatWord(String w) {
            skip();
            if (s.regionMatches(true, pos, w, 0, w.length()) && pos + w.length() < s.length()
                    && s.charAt(pos + w.length()) == ' ') {
                pos += w.length();
                return true;
            }
            return false;
        }

        Node term() {
            List<Node> factors = new ArrayList<>();
            factors.add(factor());
            while (true) {
                skip();
                if (eat("·") || eat("*") || eat("∧") || eat("&") || eat("⋅")) {
                    factors.add(factor());
                    continue;
                }
                if (pos < s.length()) {
                    char c = s.charAt(pos);
                    if (Character.isUpperCase(c) || c == '(' || c == '\\' || c == '¬' || c == '!' || c == '~'
                            || c == '0' || c == '1') {
                        factors.add(factor());
                        continue;
                    }
                }
                break;
            }
            return factors.size() == 1 ? factors.get(0) : new Op(false, factors);
        }

        Node factor() {
            Node n = atom();
            while (eat("'") || eat("′") || eat("’")) {
                n = new Not(n);
            }
            return n;
        }

        Node atom() {
            skip();
            if (eat("(")) {
                Node n = expr();
                if (!eat(")")) {
                    throw new IllegalArgumentException("missing )");
                }
                return n;
            }
            if (eat("\\overline{") || eat("\\overline {")) {
                Node n = expr();
                if (!eat("}")) {
                    throw new IllegalArgumentException("missing }");
                }
                return new Not(n);
            }
            if (eat("¬") || eat("!") || eat("~")) {
                return new Not(atom());
            }
            if (eat("{")) {
                Node n = expr();
                if (!eat("}")) {
                    throw new IllegalArgumentException("missing }");
                }
                return n;
            }
            if (pos < s.length()) {
                char c = s.charAt(pos);
                if (c >= 'A' && c <= 'Z') {
                    pos++;
                    return new Var(c);
                }
                if (c == '0' || c == '1') {
                    pos++;
                    return new Const(c == '1');
                }
            }
            throw new IllegalArgumentException("unexpected input at " + pos);
        }
    }

    private record Var(char name) implements Node {
        public boolean eval(Map<Character, Boolean> v) {
            return v.getOrDefault(name, false);
        }

        public void variables(Set<Character> out) {
            out.add(name);
        }

        public int literals() {
            return 1;
        }
    }

    private record Const(boolean value) implements Node {
        public boolean eval(Map<Character, Boolean> v) {
            return value;
        }

        public void variables(Set<Character> out) {
        }

        public int literals() {
            return 0;
        }
    }

    private record Not(Node inner) implements Node {
        public boolean eval(Map<Character, Boolean> v) {
            return !inner.eval(v);
        }

        public void variables(Set<Character> out) {
            inner.variables(out);
        }

        public int literals() {
            return inner.literals();
        }
    }

    private record Op(boolean or, List<Node> parts) implements Node {
        public boolean eval(Map<Character, Boolean> v) {
            for (Node p : parts) {
                if (p.eval(v) == or) {
                    return or;
                }
            }
            return !or;
        }

        public void variables(Set<Character> out) {
            parts.forEach(p -> p.variables(out));
        }

        public int literals() {
            return parts.stream().mapToInt(Node::literals).sum();
        }
    }

    /** Row numbers as bit strings for evidence: 12 → "1100". */
    public static String row(int row, int width) {
        String bits = Integer.toBinaryString(row);
        return "0".repeat(Math.max(0, width - bits.length())) + bits;
    }

    static Set<Character> letters(String s) {
        Set<Character> out = new LinkedHashSet<>();
        for (char c : s.toCharArray()) {
            if (c >= 'A' && c <= 'Z') {
                out.add(c);
            }
        }
        return out;
    }
}
