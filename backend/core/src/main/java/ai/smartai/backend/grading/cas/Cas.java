package ai.smartai.backend.grading.cas;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import ai.smartai.backend.grading.cas.CasBounds.TooLarge;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.form.tex.TeXParser;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import org.matheclipse.core.parser.ExprParser;

/**
 * The computer algebra system, used safely. Student text is parsed here, never evaluated as given: the parsed tree
 * must consist of allowed arithmetic and elementary functions and stay within {@link CasBounds}, and parsing itself
 * evaluates nothing. Everything that evaluates runs in CAS worker processes ({@link CasProcesses}) with Symja's file
 * system off, its own size limits, bounded recursion and a time limit per check; a worker that does not stop at the
 * limit is killed.
 */
@ApplicationScoped
public class Cas {

    /** Functions a student's expression may contain. Everything else (Run, ReadString, Compile…) is refused. */
    static final Set<String> ALLOWED_HEADS = Set.of("Plus", "Times", "Power", "Rational", "Complex", "Sqrt", "Exp",
            "Log", "Log10", "Log2", "Sin", "Cos", "Tan", "Cot", "Sec", "Csc", "ArcSin", "ArcCos", "ArcTan", "ArcCot",
            "Sinh", "Cosh", "Tanh", "Abs", "Binomial", "Factorial", "Integrate", "Sum", "Product", "D", "List",
            "Floor", "Ceiling", "Max", "Min", "Mod", "GCD", "LCM", "Surd", "CubeRoot", "Equal");
    static final Set<String> CONSTANTS = Set.of("Pi", "E", "I", "Infinity", "Degree");
    /**
     * The constants that are never a student's variable, however the parser named them. Not E: a lone "e" in words
     * read as maths ("The integral is 3") stays a name, as it always has.
     */
    static final Set<String> NAMED_CONSTANTS = Set.of("Pi", "Infinity", "Degree");

    /**
     * A check's computing time, counted as the CPU time of the worker's thread: on a loaded server the same check gets
     * the same verdict as on an idle one (wall time stopped checks of the demo's simple integrals at load 6, and each
     * stop cost a worker's restart, which loaded the machine further).
     */
    static final long TIME_LIMIT_MS = 3000;
    /**
     * A check's wall time at most, however little CPU it was given: twice its computing time, so that a runaway
     * check that ignores the stop (then killed) holds a place little longer than before.
     */
    static final long WALL_LIMIT_MS = 2 * TIME_LIMIT_MS;
    /** Checks at once: one worker process each. */
    static final int PLACES = Math.max(2, Runtime.getRuntime().availableProcessors());
    static final String BUSY = "the CAS is busy";
    private final CasProcesses workers = new CasProcesses(PLACES, TIME_LIMIT_MS, WALL_LIMIT_MS);

    /**
     * A parsed expression: its tree, the text it came from (for evidence), and the exact text parsed. Symja keeps user
     * symbols per thread, so every check re-parses {@code parsed} in the worker before comparing.
     */
    public record Expr(IExpr tree, String source, String parsed) {

        Expr(IExpr tree, String source) {
            this(tree, source, source);
        }

        public Set<String> freeSymbols() {
            Set<String> out = new TreeSet<>();
            collect(tree, out);
            return out;
        }

        private static void collect(IExpr e, Set<String> out) {
            if (e.isAST() && ((IAST) e).size() >= 3 && Set.of("Integrate", "Sum", "Product", "D")
                    .contains(((IAST) e).head().toString())) {
                // The integration or summation variable is bound, not free.
                IAST ast = (IAST) e;
                Set<String> inner = new TreeSet<>();
                collect(ast.arg1(), inner);
                for (int i = 2; i < ast.size(); i++) {
                    IExpr spec = ast.get(i);
                    if (spec.isList() && ((IAST) spec).size() >= 2) {
                        inner.remove(((IAST) spec).arg1().toString());
                        for (int k = 2; k < ((IAST) spec).size(); k++) {
                            collect(((IAST) spec).get(k), out);
                        }
                    } else if (spec.isSymbol()) {
                        inner.remove(spec.toString());
                    }
                }
                out.addAll(inner);
                return;
            }
            if (e.isSymbol()) {
                String name = ((ISymbol) e).getSymbolName();
                // The relaxed parser names its built-in constants in lower case ("π" is the symbol pi, printed Pi):
                // a constant, never a variable to substitute values for.
                if (!CONSTANTS.contains(name) && !ALLOWED_HEADS.contains(name)
                        && !(e.isBuiltInSymbol() && NAMED_CONSTANTS.contains(e.toString()))) {
                    out.add(name);
                }
            } else if (e.isAST()) {
                IAST ast = (IAST) e;
                for (int i = 1; i < ast.size(); i++) {
                    collect(ast.get(i), out);
                }
            }
        }

        @Override
        public String toString() {
            return tree.toString();
        }
    }

    /** The answer to "are these equal?": yes, no, or could not tell (with why). */
    public enum Verdict {
        EQUAL,
        DIFFERENT,
        UNKNOWN
    }

    public record Comparison(Verdict verdict, String how) {

        /** The words graders show when the bounds or the pool refused a check. */
        static Comparison notCompared(String why) {
            return new Comparison(Verdict.UNKNOWN, "not compared: " + why);
        }
    }

    /**
     * A text read as maths: the expression, or none. {@code refusal} says why when the bounds refused it or the CAS
     * could not read it in time; it is empty when the text is simply not maths we read.
     */
    public record Reading(Optional<Expr> expr, Optional<String> refusal) {
    }

    /** Parses LaTeX or plain maths. Empty when it is not maths we can read or it uses a function we do not allow. */
    public Optional<Expr> parse(String text) {
        return read(text).expr();
    }

    /** Like {@link #parse}, with the reason when the text was refused rather than not understood. */
    public Reading read(String text) {
        if (text == null || text.isBlank()) {
            return new Reading(Optional.empty(), Optional.empty());
        }
        try {
            return new Reading(parseNow(text), Optional.empty());
        } catch (TooLarge e) {
            return new Reading(Optional.empty(), Optional.of(e.getMessage()));
        } catch (RuntimeException | StackOverflowError e) {
            return new Reading(Optional.empty(), Optional.empty());
        }
    }

    /** All readings of a text with ±: "(3 ± √17)/2" is two values. */
    public List<Expr> parseAll(String text) {
        return parseAll(text, new ArrayList<>());
    }

    /** Like {@link #parseAll(String)}; why a reading was refused is added to {@code refused}. */
    public List<Expr> parseAll(String text, List<String> refused) {
        if (text == null) {
            return List.of();
        }
        List<Expr> out = new ArrayList<>();
        List<String> readings = List.of(text);
        if (text.contains("±") || text.contains("\\pm") || text.contains("∓") || text.contains("\\mp")) {
            readings = List.of(text.replace("\\pm", "+").replace("±", "+").replace("\\mp", "-").replace("∓", "-"),
                    text.replace("\\pm", "-").replace("±", "-").replace("\\mp", "+").replace("∓", "+"));
        }
        Optional<String> address = NamedBlanks.ipv4(text);
        if (address.isPresent()) {
            // "255.255.255.192", "11111111.…": an address is compared as its 32 bits.
            readings = List.of(address.get());
        }
        for (String r : readings) {
            Reading reading = read(r);
            reading.expr().map(e -> new Expr(e.tree(), text.strip(), r)).ifPresent(out::add);
            reading.refusal().ifPresent(refused::add);
        }
        return out;
    }

    /**
     * Compares after substituting the student's own definitions (name → closed value, e.g. c_1 = …) into {@code b}:
     * constants found but never written back still count.
     */
    public Comparison compare(Expr a, Expr b, List<String[]> definitions) {
        List<String> request = new ArrayList<>(List.of("compare", a.parsed(), b.parsed()));
        definitions.forEach(d -> request.addAll(List.of(d[0], d[1])));
        try {
            List<String> answer = workers.ask(request.toArray(String[]::new));
            if (answer.size() == 3 && answer.get(0).equals("ok")) {
                return new Comparison(Verdict.valueOf(answer.get(1)), answer.get(2));
            }
            return new Comparison(Verdict.UNKNOWN, "the check did not finish (" + answer.get(answer.size() - 1) + ")");
        } catch (Unfinished e) {
            return BUSY.equals(e.getMessage()) ? Comparison.notCompared(BUSY)
                    : new Comparison(Verdict.UNKNOWN, "the check did not finish (" + e.getMessage() + ")");
        }
    }

    /** Symbolic first, then numeric at random points for expressions with free variables. */
    public Comparison compare(Expr a, Expr b) {
        return compare(a, b, List.of());
    }

    /** The CAS did not give an answer: busy, past the time limit, or stopped. */
    static final class Unfinished extends IllegalStateException {

        Unfinished(String message) {
            super(message);
        }
    }

    /**
     * Values of an expression at three fixed points (each symbol gets a value derived from its name), so that many
     * expressions can be compared with one CAS call each. Null when it has no numeric value.
     */
    public double[] fingerprint(Expr e) {
        try {
            List<String> answer = workers.ask("fingerprint", e.parsed());
            if (answer.size() == 4 && answer.get(0).equals("ok")) {
                return new double[] { Double.parseDouble(answer.get(1)), Double.parseDouble(answer.get(2)),
                        Double.parseDouble(answer.get(3)) };
            }
            return null;
        } catch (Unfinished | NumberFormatException ex) {
            return null;
        }
    }

    public static boolean sameFingerprint(double[] a, double[] b) {
        if (a == null || b == null) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > 1e-7 * Math.max(1, Math.max(Math.abs(a[i]), Math.abs(b[i])))) {
                return false;
            }
        }
        return true;
    }

    /** Reads a text without evaluating it; throws {@link TooLarge} when a bound refuses it. */
    static Optional<Expr> parseNow(String raw) {
        String text = Latex.normalise(raw);
        if (text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                || text.contains("\\text")) {
            // Words are not maths: "3 或 x" must not become the product of 3, 或 and x.
            return Optional.empty();
        }
        CasBounds.checkText(text);
        if (!Latex.looksLikeLatex(text) && Latex.isProse(text)) {
            return Optional.empty();
        }
        IExpr tree;
        if (Latex.looksLikeLatex(text)) {
            tree = new TeXParser().parse(text);
        } else {
            tree = new ExprParser(CasEvaluation.engine(), true).parse(Latex.plain(text));
        }
        if (tree == null || tree.isPresent() == false || tree.toString().contains("$Aborted")
                || tree.toString().contains("Syntax")) {
            return Optional.empty();
        }
        CasBounds.check(tree);
        IExpr rewritten = rewrite(tree);
        if (rewritten == null || !allowed(rewritten)) {
            return Optional.empty();
        }
        CasBounds.check(rewritten);
        return Optional.of(new Expr(rewritten, raw.strip(), raw));
    }

    /** Subscripted names become plain symbols; C_5^2 is a binomial; [F]_a^b is F(b) − F(a). */
    private static IExpr rewrite(IExpr e) {
        if (!e.isAST()) {
            return e;
        }
        IAST ast = (IAST) e;
        String head = ast.head().toString();
        if (head.equals("Subscript") && ast.size() == 3) {
            return subscripted(ast.arg1(), ast.arg2());
        }
        if (head.equals("Subsuperscript") && ast.size() == 4) {
            IExpr base = ast.arg1();
            IExpr sub = rewrite(ast.arg2());
            IExpr sup = rewrite(ast.arg3());
            if (base.isSymbol() && base.toString().equals("C") && sub.isInteger() && sup.isInteger()) {
                return F.Binomial(sub, sup);
            }
            if (base.isSymbol()) {
                IExpr symbol = subscripted(base, ast.arg2());
                return symbol == null ? null : F.Power(symbol, sup);
            }
            IExpr inner = rewrite(base);
            if (inner == null) {
                return null;
            }
            Set<String> free = new Expr(inner, "").freeSymbols();
            if (free.size() != 1) {
                return null;
            }
            if (!allowed(inner)) {
                return null;
            }
            ISymbol x = F.symbol(free.iterator().next());
            // F(b) − F(a), substituted structurally: nothing is evaluated while reading.
            IExpr difference = F.Subtract(inner.replaceAll(F.Rule(x, sup)).orElse(inner),
                    inner.replaceAll(F.Rule(x, sub)).orElse(inner));
            CasBounds.check(difference);
            return difference;
        }
        IASTAppendable out = F.ast(ast.head(), ast.argSize());
        for (int i = 1; i < ast.size(); i++) {
            IExpr r = rewrite(ast.get(i));
            if (r == null) {
                return null;
            }
            out.append(r);
        }
        return out;
    }

    private static IExpr subscripted(IExpr base, IExpr sub) {
        String name = (base.toString() + "_" + sub.toString()).replaceAll("[^A-Za-z0-9_]", "");
        if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
            return null;
        }
        return F.symbol(name);
    }

    private static boolean allowed(IExpr e) {
        if (e.isAST()) {
            IAST ast = (IAST) e;
            IExpr head = ast.head();
            if (!head.isSymbol() || (!ALLOWED_HEADS.contains(head.toString()) && !head.toString().equals("ReplaceAll")
                    && !head.toString().equals("Rule"))) {
                return false;
            }
            for (int i = 1; i < ast.size(); i++) {
                if (!allowed(ast.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return e.isSymbol() || e.isNumber();
    }

    @PreDestroy
    void stop() {
        workers.close();
    }

    static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?");

    static boolean isTrivial(Expr e) {
        String s = e.tree().toString();
        Matcher m = NUMBER.matcher(s);
        return (m.matches() && Math.abs(Double.parseDouble(s)) < 10) || (e.tree().isSymbol());
    }
}
