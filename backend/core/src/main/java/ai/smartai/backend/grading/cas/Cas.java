package ai.smartai.backend.grading.cas;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.matheclipse.core.basic.Config;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.form.tex.TeXParser;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import org.matheclipse.core.parser.ExprParser;

/**
 * The computer algebra system, used safely. Student text is only ever parsed, never evaluated as given: the parsed
 * tree must consist of allowed arithmetic and elementary functions before we wrap it in our own Simplify or N.
 * Symja runs with its file system and server functions off, bounded recursion, and a time limit per check on a
 * pool of its own, so one pathological expression cannot stall grading.
 */
@ApplicationScoped
public class Cas {

    private static final Logger LOG = Logger.getLogger(Cas.class);

    /** Functions a student's expression may contain. Everything else (Run, ReadString, Compile…) is refused. */
    static final Set<String> ALLOWED_HEADS = Set.of("Plus", "Times", "Power", "Rational", "Complex", "Sqrt", "Exp",
            "Log", "Log10", "Log2", "Sin", "Cos", "Tan", "Cot", "Sec", "Csc", "ArcSin", "ArcCos", "ArcTan", "ArcCot",
            "Sinh", "Cosh", "Tanh", "Abs", "Binomial", "Factorial", "Integrate", "Sum", "Product", "D", "List",
            "Floor", "Ceiling", "Max", "Min", "Mod", "GCD", "LCM", "Surd", "CubeRoot", "Equal");
    static final Set<String> CONSTANTS = Set.of("Pi", "E", "I", "Infinity", "Degree");

    private static final long TIME_LIMIT_MS = 3000;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "smartai-cas");
        t.setDaemon(true);
        return t;
    });
    private final Semaphore slots = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()));
    private static final ThreadLocal<ExprEvaluator> EVALUATOR = ThreadLocal.withInitial(() -> {
        ExprEvaluator ev = new ExprEvaluator(false, (short) 100);
        EvalEngine engine = ev.getEvalEngine();
        engine.setRecursionLimit(256);
        engine.setIterationLimit(50_000);
        return ev;
    });

    static {
        Config.FILESYSTEM_ENABLED = false;
        Config.SERVER_MODE = true;
    }

    /**
     * A parsed expression: its tree, the text it came from (for evidence), and the exact text parsed. Symja keeps user
     * symbols per thread, so every check re-parses {@code parsed} on its own thread before comparing.
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
                if (!CONSTANTS.contains(name) && !ALLOWED_HEADS.contains(name)) {
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
        EQUAL, DIFFERENT, UNKNOWN
    }

    public record Comparison(Verdict verdict, String how) {
    }

    /** Parses LaTeX or plain maths. Empty when it is not maths we can read or it uses a function we do not allow. */
    public Optional<Expr> parse(String text) {
        if (text == null || text.isBlank() || text.length() > 2000) {
            return Optional.empty();
        }
        try {
            return call(() -> parseNow(text));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** All readings of a text with ±: "(3 ± √17)/2" is two values. */
    public List<Expr> parseAll(String text) {
        if (text == null) {
            return List.of();
        }
        List<Expr> out = new ArrayList<>();
        if (text.contains("±") || text.contains("\\pm") || text.contains("∓") || text.contains("\\mp")) {
            String plus = text.replace("\\pm", "+").replace("±", "+").replace("\\mp", "-").replace("∓", "-");
            String minus = text.replace("\\pm", "-").replace("±", "-").replace("\\mp", "+").replace("∓", "+");
            parse(plus).map(e -> new Expr(e.tree(), text.strip(), plus)).ifPresent(out::add);
            parse(minus).map(e -> new Expr(e.tree(), text.strip(), minus)).ifPresent(out::add);
        } else {
            parse(text).ifPresent(out::add);
        }
        return out;
    }

    /**
     * Compares after substituting the student's own definitions (name → closed value, e.g. c_1 = …) into {@code b}:
     * constants found but never written back still count.
     */
    public Comparison compare(Expr a, Expr b, List<String[]> definitions) {
        if (definitions.isEmpty()) {
            return compare(a, b);
        }
        try {
            return call(() -> {
                Optional<Expr> x = parseNow(a.parsed());
                Optional<Expr> y = parseNow(b.parsed());
                if (x.isEmpty() || y.isEmpty()) {
                    return new Comparison(Verdict.UNKNOWN, "could not re-read the expressions");
                }
                org.matheclipse.core.interfaces.IASTAppendable rules = F.ListAlloc(definitions.size());
                for (String[] d : definitions) {
                    Optional<Expr> value = parseNow(d[1]);
                    Optional<Expr> name = parseNow(d[0]);
                    if (value.isPresent() && name.isPresent() && name.get().tree().isSymbol()
                            && value.get().freeSymbols().isEmpty()) {
                        rules.append(F.Rule(name.get().tree(), value.get().tree()));
                    }
                }
                Comparison plain = compareNow(x.get(), y.get());
                if (rules.argSize() == 0 || plain.verdict() == Verdict.EQUAL) {
                    return plain;
                }
                IExpr substituted = EVALUATOR.get().eval(F.ReplaceAll(y.get().tree(), rules));
                Comparison c = compareNow(x.get(), new Expr(substituted, b.source(), b.parsed()));
                return c.verdict() == Verdict.EQUAL
                        ? new Comparison(Verdict.EQUAL, c.how() + ", with the answer's own values of its constants")
                        : c;
            });
        } catch (RuntimeException e) {
            return new Comparison(Verdict.UNKNOWN, "the check did not finish (" + e.getMessage() + ")");
        }
    }

    /** Symbolic first, then numeric at random points for expressions with free variables. */
    public Comparison compare(Expr a, Expr b) {
        try {
            return call(() -> {
                Optional<Expr> x = parseNow(a.parsed());
                Optional<Expr> y = parseNow(b.parsed());
                return x.isPresent() && y.isPresent() ? compareNow(x.get(), y.get())
                        : new Comparison(Verdict.UNKNOWN, "could not re-read the expressions");
            });
        } catch (RuntimeException e) {
            return new Comparison(Verdict.UNKNOWN, "the check did not finish (" + e.getMessage() + ")");
        }
    }

    /**
     * Values of an expression at three fixed points (each symbol gets a value derived from its name), so that many
     * expressions can be compared with one CAS call each. Null when it has no numeric value.
     */
    public double[] fingerprint(Expr e) {
        try {
            return call(() -> {
                ExprEvaluator ev = EVALUATOR.get();
                Optional<Expr> local = parseNow(e.parsed());
                if (local.isEmpty()) {
                    return null;
                }
                Expr e2 = local.get();
                Set<String> free = e2.freeSymbols();
                double[] out = new double[3];
                for (int p = 0; p < 3; p++) {
                    org.matheclipse.core.interfaces.IASTAppendable rules = F.ListAlloc(free.size());
                    for (String sym : free) {
                        double v = 0.37 + (Math.abs((sym + p).hashCode()) % 1000) / 613.0;
                        rules.append(F.Rule(F.symbol(sym), F.num(v)));
                    }
                    Double d = numeric(ev, free.isEmpty() ? e2.tree() : F.ReplaceAll(e2.tree(), rules));
                    if (d == null) {
                        return null;
                    }
                    out[p] = d;
                }
                return out;
            });
        } catch (RuntimeException ex) {
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

    Optional<Expr> parseNow(String raw) {
        String text = Latex.normalise(raw);
        if (text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                || text.contains("\\text")) {
            // Words are not maths: "3 或 x" must not become the product of 3, 或 and x.
            return Optional.empty();
        }
        IExpr tree;
        if (Latex.looksLikeLatex(text)) {
            tree = new TeXParser().parse(text);
        } else {
            tree = new ExprParser(EvalEngine.get(), true).parse(Latex.plain(text));
        }
        if (tree == null || tree.isPresent() == false || tree.toString().contains("$Aborted")
                || tree.toString().contains("Syntax")) {
            return Optional.empty();
        }
        IExpr rewritten = rewrite(tree);
        if (rewritten == null || !allowed(rewritten)) {
            return Optional.empty();
        }
        return Optional.of(new Expr(rewritten, raw.strip(), raw));
    }

    /** Subscripted names become plain symbols; C_5^2 is a binomial; [F]_a^b is F(b) − F(a). */
    private IExpr rewrite(IExpr e) {
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
            // Safe to evaluate: the inner expression passed the allowlist.
            return EVALUATOR.get().eval(F.Subtract(F.ReplaceAll(inner, F.Rule(x, sup)),
                    F.ReplaceAll(inner, F.Rule(x, sub))));
        }
        org.matheclipse.core.interfaces.IASTAppendable out = F.ast(ast.head(), ast.argSize());
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

    Comparison compareNow(Expr a, Expr b) {
        ExprEvaluator ev = EVALUATOR.get();
        Set<String> free = new TreeSet<>(a.freeSymbols());
        free.addAll(b.freeSymbols());
        IExpr diff = F.Subtract(a.tree(), b.tree());
        if (free.isEmpty()) {
            Double d = numeric(ev, diff);
            Double scale = numeric(ev, F.Plus(F.Abs(a.tree()), F.Abs(b.tree())));
            if (d == null) {
                return new Comparison(Verdict.UNKNOWN, "no numeric value");
            }
            boolean equal = Math.abs(d) <= 1e-9 * Math.max(1, scale == null ? 1 : scale);
            return new Comparison(equal ? Verdict.EQUAL : Verdict.DIFFERENT, "numeric value");
        }
        IExpr simplified = ev.eval(F.Simplify(diff));
        if (simplified.isZero()) {
            return new Comparison(Verdict.EQUAL, "symbolic: simplify(a − b) = 0");
        }
        Random random = new Random(free.hashCode());
        int agree = 0;
        for (int i = 0; i < 6; i++) {
            org.matheclipse.core.interfaces.IASTAppendable rules = F.ListAlloc(free.size());
            for (String s : free) {
                rules.append(F.Rule(F.symbol(s), F.num(0.3 + 2 * random.nextDouble())));
            }
            Double va = numeric(ev, F.ReplaceAll(a.tree(), rules));
            Double vb = numeric(ev, F.ReplaceAll(b.tree(), rules));
            if (va == null || vb == null) {
                continue;
            }
            if (Math.abs(va - vb) > 1e-7 * Math.max(1, Math.max(Math.abs(va), Math.abs(vb)))) {
                return new Comparison(Verdict.DIFFERENT, "numeric at random points");
            }
            agree++;
        }
        return agree >= 3 ? new Comparison(Verdict.EQUAL, "numeric at " + agree + " random points")
                : new Comparison(Verdict.UNKNOWN, "no numeric value at random points");
    }

    private static Double numeric(ExprEvaluator ev, IExpr e) {
        try {
            IExpr n = ev.eval(F.N(e));
            if (n.isReal()) {
                double v = n.evalf();
                return Double.isFinite(v) ? v : null;
            }
            if (n.isNumber()) {
                // A complex value: compare by its real part and flag imaginary parts as different values.
                IExpr im = ev.eval(F.Im(n));
                return im.isZero() ? n.evalf() : null;
            }
            return null;
        } catch (RuntimeException ex) {
            return null;
        }
    }

    /** Runs on the CAS pool with a time limit; a check that takes too long is stopped and reported. */
    private <T> T call(Callable<T> work) {
        boolean acquired = false;
        try {
            acquired = slots.tryAcquire(30, TimeUnit.SECONDS);
            if (!acquired) {
                throw new IllegalStateException("the CAS is busy");
            }
            EvalEngine[] engine = new EvalEngine[1];
            Future<T> f = pool.submit(() -> {
                engine[0] = EVALUATOR.get().getEvalEngine();
                engine[0].setStopRequested(false);
                EvalEngine.set(engine[0]);
                return work.call();
            });
            try {
                return f.get(TIME_LIMIT_MS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (engine[0] != null) {
                    engine[0].stopRequest();
                }
                f.cancel(true);
                throw new IllegalStateException("time limit of " + TIME_LIMIT_MS + " ms reached");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                LOG.debugf(cause, "CAS check failed");
                throw new IllegalStateException(cause == null ? "failed" : cause.getClass().getSimpleName());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } finally {
            if (acquired) {
                slots.release();
            }
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?");

    static boolean isTrivial(Expr e) {
        String s = e.tree().toString();
        Matcher m = NUMBER.matcher(s);
        return (m.matches() && Math.abs(Double.parseDouble(s)) < 10) || (e.tree().isSymbol());
    }
}
