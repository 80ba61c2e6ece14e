package ai.smartai.backend.grading.cas;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IComplex;
import org.matheclipse.core.interfaces.IComplexNum;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IFraction;
import org.matheclipse.core.interfaces.IInteger;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * What the CAS may be asked to evaluate. Symja's big-number arithmetic (BigInteger powers, factorials) cannot be
 * stopped once it starts, so every tree is checked here before anything is evaluated: its size, its nesting, and a
 * conservative estimate of the numbers it can produce. The estimate is log10 arithmetic in doubles: for each subtree,
 * an upper bound on the digits of any exact number (numerator or denominator) and on the magnitude of any value its
 * evaluation can produce. A free symbol counts as a number of magnitude at most 2.5, as at the points where the
 * CAS compares expressions numerically.
 */
final class CasBounds {

    /** Characters of one expression's text. */
    static final int MAX_TEXT = 2000;
    /** Digits of one number as written. */
    static final int MAX_LITERAL_DIGITS = 100;
    /** Brackets inside brackets in the text, and levels in the tree. */
    static final int MAX_NESTING = 40;
    static final int MAX_DEPTH = 100;
    /** Numbers and symbols in one tree. */
    static final int MAX_LEAVES = 1000;
    /** Digits of any number the evaluation may produce (about 33,000 bits). */
    static final double MAX_DIGITS = 10_000;
    /** Exponent of a power whose base has variables: Simplify may expand it into that many terms. */
    static final double MAX_EXPONENT = 100;
    /** Argument of a factorial or binomial coefficient. */
    static final double MAX_FACTORIAL = 1000;
    /** Terms of a sum or product with numeric limits. */
    static final double MAX_TERMS = 10_000;
    /** Order of a derivative. */
    static final double MAX_DERIVATIVE_ORDER = 20;

    /** A symbol's magnitude: the CAS compares expressions at points in [0.3, 2.3]. */
    private static final double SYMBOL_LOG = Math.log10(2.5);
    private static final double LOG10_E = Math.log10(Math.E);
    private static final Set<String> TRIGONOMETRIC = Set.of("Sin", "Cos", "Tan", "Cot", "Sec", "Csc", "Sinh", "Cosh",
            "Tanh");
    private static final Set<String> BOUNDED = Set.of("ArcSin", "ArcCos", "ArcTan", "ArcCot", "Abs", "Floor",
            "Ceiling", "Sqrt", "CubeRoot");
    private static final Set<String> LARGEST = Set.of("Max", "Min", "Mod", "GCD", "List", "Equal", "Rule");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    /**
     * What Symja's plain-text parser acts on while parsing: it runs Get and Import (also written {@code <<}), and
     * expands {@code 1*^9} into a string of a billion zeros; {@code 36^^zz…} is a number in another base.
     */
    private static final Pattern PARSER_ACTIONS = Pattern.compile("<<|\\*\\^|\\^\\^|\\b(?i:get|import)\\b");

    private CasBounds() {
    }

    /** Refused before evaluation; the message says which bound and by how much. */
    static final class TooLarge extends RuntimeException {

        TooLarge(String why) {
            super("the expression is too large to evaluate safely (" + why + ")", null, false, false);
        }
    }

    /** The checks on the text, before any parser sees it. */
    static void checkText(String text) {
        if (text.length() > MAX_TEXT) {
            throw new TooLarge(text.length() + " characters; the limit is " + MAX_TEXT);
        }
        Matcher digits = DIGITS.matcher(text);
        while (digits.find()) {
            if (digits.group().length() > MAX_LITERAL_DIGITS) {
                throw new TooLarge("a number of " + digits.group().length() + " digits; the limit is "
                        + MAX_LITERAL_DIGITS);
            }
        }
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                if (++depth > MAX_NESTING) {
                    throw new TooLarge("brackets nested more than " + MAX_NESTING + " deep");
                }
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            }
        }
        Matcher action = PARSER_ACTIONS.matcher(text);
        if (action.find()) {
            throw new TooLarge("'" + action.group() + "' is not mathematics we read");
        }
    }

    /** The checks on a parsed tree (or one we built), before it is evaluated. */
    static void check(IExpr tree) {
        int[] leaves = { 0 };
        size(tree, 1, leaves);
        new Estimate().of(tree);
    }

    private static void size(IExpr e, int depth, int[] leaves) {
        if (depth > MAX_DEPTH) {
            throw new TooLarge("nested more than " + MAX_DEPTH + " levels deep");
        }
        if (!e.isAST()) {
            if (++leaves[0] > MAX_LEAVES) {
                throw new TooLarge("more than " + MAX_LEAVES + " numbers and symbols");
            }
            return;
        }
        IAST ast = (IAST) e;
        for (int i = 1; i < ast.size(); i++) {
            size(ast.get(i), depth + 1, leaves);
        }
    }

    /** An upper bound on log10 of the digits and of the magnitude of what a subtree evaluates to. */
    record Size(double log, boolean constant) {
    }

    /** The walk over one tree; bound variables (of sums, integrals, substitutions) are in scope while inside. */
    private static final class Estimate {

        private final Map<String, Size> scope = new HashMap<>();

        Size of(IExpr e) {
            Size s = estimate(e);
            if (!(s.log() <= MAX_DIGITS)) {
                throw new TooLarge(show(e) + " has " + about(s.log()) + " digits; the limit is " + (int) MAX_DIGITS);
            }
            return s;
        }

        private Size estimate(IExpr e) {
            if (e.isInteger()) {
                return new Size(log10(((IInteger) e).toBigNumerator()), true);
            }
            if (e.isFraction()) {
                IFraction f = (IFraction) e;
                return new Size(Math.max(log10(f.toBigNumerator()), log10(f.toBigDenominator())), true);
            }
            if (e instanceof IComplex c) {
                return new Size(of(c.getRealPart()).log() + of(c.getImaginaryPart()).log(), true);
            }
            if (e instanceof IComplexNum c) {
                return new Size(Math.max(0, Math.log10(c.dabs())), true);
            }
            if (e.isNumber()) {
                return new Size(Math.max(0, Math.log10(Math.abs(e.evalf()))), true);
            }
            if (e.isSymbol()) {
                return symbol((ISymbol) e);
            }
            if (!e.isAST()) {
                return new Size(SYMBOL_LOG, false);
            }
            IAST ast = (IAST) e;
            String head = ast.head().toString();
            return switch (head) {
                case "Plus" -> sum(ast);
                case "Times", "Rational", "Complex", "LCM" -> product(ast);
                case "Power" -> ast.argSize() == 2 ? power(ast.arg1(), ast.arg2(), e) : other(ast);
                case "Surd" -> ast.argSize() == 2 ? power(ast.arg1(), ast.arg2(), e) : other(ast);
                case "Exp" -> ast.argSize() == 1 ? exponential(ast.arg1()) : other(ast);
                case "Log", "Log10", "Log2" -> logarithm(ast);
                case "Factorial" -> ast.argSize() == 1 ? factorial(ast.arg1()) : other(ast);
                case "Binomial" -> ast.argSize() == 2 ? binomial(ast.arg1(), ast.arg2()) : other(ast);
                case "Sum", "Product" -> ast.argSize() >= 2 ? iterated(ast, head.equals("Product")) : other(ast);
                case "Integrate" -> ast.argSize() >= 2 ? integral(ast) : other(ast);
                case "D" -> ast.argSize() >= 2 ? derivative(ast) : other(ast);
                case "ReplaceAll" -> ast.argSize() == 2 ? substitution(ast) : other(ast);
                default -> TRIGONOMETRIC.contains(head) && ast.argSize() == 1 ? exponential(ast.arg1())
                        : BOUNDED.contains(head) || LARGEST.contains(head) ? largest(ast) : other(ast);
            };
        }

        private Size symbol(ISymbol s) {
            String name = s.getSymbolName();
            Size bound = scope.get(name);
            if (bound != null) {
                return bound;
            }
            return switch (name) {
                case "Pi" -> new Size(Math.log10(Math.PI), true);
                case "E" -> new Size(LOG10_E, true);
                case "I", "Degree", "True", "False" -> new Size(0, true);
                // Infinity is no finite number; sums to infinity are summed symbolically or stop at the limits.
                default -> new Size(SYMBOL_LOG, false);
            };
        }

        private Size sum(IAST ast) {
            double log = Math.log10(ast.argSize());
            boolean constant = true;
            for (int i = 1; i < ast.size(); i++) {
                Size s = of(ast.get(i));
                // Adding fractions multiplies denominators: digits add up.
                log += s.log();
                constant &= s.constant();
            }
            return new Size(log, constant);
        }

        private Size product(IAST ast) {
            double log = 0;
            boolean constant = true;
            for (int i = 1; i < ast.size(); i++) {
                Size s = of(ast.get(i));
                log += s.log();
                constant &= s.constant();
            }
            return new Size(log, constant);
        }

        private Size largest(IAST ast) {
            double log = 0;
            boolean constant = true;
            for (int i = 1; i < ast.size(); i++) {
                Size s = of(ast.get(i));
                log = Math.max(log, s.log());
                constant &= s.constant();
            }
            return new Size(log, constant);
        }

        /** A head we do not model (only in raw parser output, which the allowlist checks later). */
        private Size other(IAST ast) {
            Size head = of(ast.head());
            double log = head.log();
            boolean constant = head.constant();
            for (int i = 1; i < ast.size(); i++) {
                Size s = of(ast.get(i));
                log += s.log();
                constant &= s.constant();
            }
            return new Size(log, constant);
        }

        private Size power(IExpr base, IExpr exponent, IExpr whole) {
            Size b = of(base);
            Size x = of(exponent);
            double n = value(exponent, x);
            if (!b.constant() && x.constant() && !(n <= MAX_EXPONENT)) {
                throw new TooLarge("the exponent of " + show(whole) + " is " + about(n)
                        + "; on an expression with variables the limit is " + (int) MAX_EXPONENT);
            }
            // |b^n| and the digits of an exact b^n are at most n times those of b.
            return new Size(times(Math.max(b.log(), 0), Math.max(n, 1)), b.constant() && x.constant());
        }

        private Size exponential(IExpr argument) {
            Size a = of(argument);
            // e^z, and sin or cosh of a complex z, grow like e^|z|.
            return new Size(Math.max(a.log(), LOG10_E * Math.pow(10, a.log())), a.constant());
        }

        private Size logarithm(IAST ast) {
            double log = 0;
            boolean constant = true;
            for (int i = 1; i < ast.size(); i++) {
                Size s = of(ast.get(i));
                log = Math.max(log, s.log());
                constant &= s.constant();
            }
            return new Size(log, constant);
        }

        private Size factorial(IExpr argument) {
            Size a = of(argument);
            double n = count(argument, a, MAX_FACTORIAL, "the factorial of");
            return new Size(n * Math.log10(Math.max(n, 2)), a.constant());
        }

        private Size binomial(IExpr n, IExpr k) {
            Size a = of(n);
            Size b = of(k);
            double top = count(n, a, MAX_FACTORIAL, "the binomial coefficient of");
            count(k, b, MAX_FACTORIAL, "the binomial coefficient of");
            return new Size(top * Math.log10(2), a.constant() && b.constant());
        }

        /** Sum(f, {k, a, b}, …) and Product: the terms are at most as large as f where k is at its largest. */
        private Size iterated(IAST ast, boolean product) {
            Map<String, Size> saved = new HashMap<>(scope);
            try {
                double terms = 1;
                boolean constant = true;
                for (int i = 2; i < ast.size(); i++) {
                    IExpr spec = ast.get(i);
                    if (!spec.isList() || ((IAST) spec).argSize() < 2 || !((IAST) spec).arg1().isSymbol()) {
                        return other(ast);
                    }
                    IAST list = (IAST) spec;
                    Size from = list.argSize() >= 3 ? of(list.arg2()) : new Size(0, true);
                    IExpr toExpr = list.argSize() >= 3 ? list.arg3() : list.arg2();
                    Size to = of(toExpr);
                    if (from.constant() && to.constant()) {
                        IExpr fromExpr = list.argSize() >= 3 ? list.arg2() : F.C1;
                        double n = toExpr.isReal() && fromExpr.isReal()
                                ? Math.max(0, toExpr.evalf() - fromExpr.evalf()) + 1
                                : value(toExpr, to) + value(fromExpr, from) + 1;
                        if (!(n <= MAX_TERMS)) {
                            throw new TooLarge(show(ast) + " has " + about(n) + " terms; the limit is "
                                    + (int) MAX_TERMS);
                        }
                        terms *= n;
                    } else {
                        constant = false;
                    }
                    scope.put(name(list.arg1()), new Size(Math.max(from.log(), to.log()),
                            from.constant() && to.constant()));
                }
                Size body = of(ast.arg1());
                constant &= body.constant();
                double log = product ? times(Math.max(body.log(), Math.log10(2)), terms)
                        // A sum of fractions: the common denominator grows like lcm(1..n), e^n.
                        : body.log() + LOG10_E * terms + Math.log10(terms);
                return new Size(log, constant);
            } finally {
                scope.clear();
                scope.putAll(saved);
            }
        }

        /** Integrate(f, x) or Integrate(f, {x, a, b}): f is bounded where x is at its largest. */
        private Size integral(IAST ast) {
            Map<String, Size> saved = new HashMap<>(scope);
            try {
                double limits = 0;
                boolean definite = true;
                for (int i = 2; i < ast.size(); i++) {
                    IExpr spec = ast.get(i);
                    if (spec.isSymbol()) {
                        scope.put(name(spec), new Size(SYMBOL_LOG, false));
                        definite = false;
                    } else if (spec.isList() && ((IAST) spec).argSize() == 3 && ((IAST) spec).arg1().isSymbol()) {
                        IAST list = (IAST) spec;
                        Size a = of(list.arg2());
                        Size b = of(list.arg3());
                        limits = Math.max(limits, Math.max(a.log(), b.log()));
                        definite &= a.constant() && b.constant();
                        scope.put(name(list.arg1()), new Size(Math.max(Math.max(a.log(), b.log()), SYMBOL_LOG),
                                false));
                    } else {
                        return other(ast);
                    }
                }
                Size body = of(ast.arg1());
                return new Size(body.log() + limits + 1, definite && body.constant());
            } finally {
                scope.clear();
                scope.putAll(saved);
            }
        }

        /** D(f, x) or D(f, {x, n}). */
        private Size derivative(IAST ast) {
            Map<String, Size> saved = new HashMap<>(scope);
            try {
                double order = 0;
                for (int i = 2; i < ast.size(); i++) {
                    IExpr spec = ast.get(i);
                    if (spec.isList() && ((IAST) spec).argSize() == 2 && ((IAST) spec).arg1().isSymbol()) {
                        IAST list = (IAST) spec;
                        order += count(list.arg2(), of(list.arg2()), MAX_DERIVATIVE_ORDER, "the derivative order in");
                        scope.put(name(list.arg1()), new Size(SYMBOL_LOG, false));
                    } else if (spec.isSymbol()) {
                        order += 1;
                        scope.put(name(spec), new Size(SYMBOL_LOG, false));
                    } else {
                        return other(ast);
                    }
                }
                if (order > MAX_DERIVATIVE_ORDER) {
                    throw new TooLarge("a derivative of order " + (long) order + "; the limit is "
                            + (int) MAX_DERIVATIVE_ORDER);
                }
                Size body = of(ast.arg1());
                return new Size(body.log() + order, body.constant());
            } finally {
                scope.clear();
                scope.putAll(saved);
            }
        }

        /** f /. x -> v, or a list of rules: f where each x has the size of its v. */
        private Size substitution(IAST ast) {
            Map<String, Size> saved = new HashMap<>(scope);
            try {
                IExpr rules = ast.arg2();
                IAST list = rules.isList() ? (IAST) rules : null;
                int n = list == null ? 1 : list.argSize();
                for (int i = 1; i <= n; i++) {
                    IExpr rule = list == null ? rules : list.get(i);
                    if (!rule.isRuleAST() || !((IAST) rule).arg1().isSymbol()) {
                        return other(ast);
                    }
                    scope.put(name(((IAST) rule).arg1()), of(((IAST) rule).arg2()));
                }
                return of(ast.arg1());
            } finally {
                scope.clear();
                scope.putAll(saved);
            }
        }

        private static String name(IExpr symbol) {
            return ((ISymbol) symbol).getSymbolName();
        }

        /** A count (factorial argument, number of terms…) must be at most {@code max}. */
        private double count(IExpr e, Size s, double max, String what) {
            double n = value(e, s);
            if (!(n <= max)) {
                throw new TooLarge(what + " " + show(e) + " is " + about(n) + "; the limit is "
                        + (int) max);
            }
            return n;
        }

        /** An upper bound on |e|: exact for a number as written, else from its size. */
        private static double value(IExpr e, Size s) {
            if (e.isNumber() && !(e instanceof IComplex) && !(e instanceof IComplexNum)) {
                double v = Math.abs(e.evalf());
                return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
            }
            return Math.pow(10, s.log());
        }

        /** a·b where 0 times anything, even an infinite bound, is 0. */
        private static double times(double a, double b) {
            return a == 0 || b == 0 ? 0 : a * b;
        }
    }

    /** 1234.2 → "about 1234"; 4.77e8 → "about 4.8·10^8"; overflow → "more than 10^308". */
    static String about(double v) {
        if (Double.isInfinite(v) || Double.isNaN(v)) {
            return "more than 10^308";
        }
        if (v < 1e6) {
            return "about " + Math.round(v);
        }
        int exp = (int) Math.floor(Math.log10(v));
        return String.format(Locale.ROOT, "about %.1f·10^%d", v / Math.pow(10, exp), exp);
    }

    /** log10 |n|, at least 0; a hair above the true value so that it stays an upper bound. */
    private static double log10(BigInteger n) {
        if (n.signum() == 0) {
            return 0;
        }
        double log = n.bitLength() < 1000 ? Math.log10(Math.abs(n.doubleValue()))
                : n.bitLength() * Math.log10(2);
        return Math.max(0, log) + 1e-9;
    }

    private static String show(IExpr e) {
        String s = e.toString();
        return s.length() > 40 ? s.substring(0, 37) + "…" : s;
    }
}
