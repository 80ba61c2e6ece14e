package ai.smartai.backend.grading.cas;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import org.matheclipse.core.parser.ExprParser;

import ai.smartai.backend.grading.cas.CasBounds.TooLarge;

/**
 * The computer algebra system, used safely. Student text is only ever parsed, never evaluated as given: the parsed
 * tree must consist of allowed arithmetic and elementary functions, and stay within {@link CasBounds}, before we wrap
 * it in our own Simplify or N. Symja runs with its file system and server functions off, its own size limits, bounded
 * recursion, and a time limit per check on a bounded pool of its own: a check holds its place in the pool until it
 * has really ended, so work that outlives its time limit cannot pile up.
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

    static final long TIME_LIMIT_MS = 3000;
    /** Checks at once; each holds its place until its thread is free again, not just until its time limit. */
    static final int PLACES = Math.max(2, Runtime.getRuntime().availableProcessors());
    static final String BUSY = "the CAS is busy";
    private final Semaphore places = new Semaphore(PLACES);
    /** Checks past their time limit whose thread is still working. */
    private final AtomicInteger overdue = new AtomicInteger();
    private final ExecutorService pool = Executors.newFixedThreadPool(PLACES, r -> {
        Thread t = new Thread(r, "smartai-cas");
        t.setDaemon(true);
        return t;
    });
    /** Loading Symja takes seconds; checks start their clocks once it has loaded. */
    private final CompletableFuture<Void> loaded = new CompletableFuture<>();
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
        // Symja's own limits, behind CasBounds: it checks them between steps, so they end what our estimate missed.
        Config.MAX_BIT_LENGTH = 200_000;
        Config.MAX_AST_SIZE = 20_000;
        Config.MAX_POLYNOMIAL_DEGREE = 1000;
        Config.MAX_INPUT_LEAVES = CasBounds.MAX_LEAVES;
        Config.MAX_OUTPUT_SIZE = 100_000;
        Config.MAX_LOOP_COUNT = 10_000;
    }

    public Cas() {
        places.acquireUninterruptibly();
        pool.execute(() -> {
            try {
                new TeXParser().parse("\\frac{x}{2}");
                new ExprParser(EVALUATOR.get().getEvalEngine(), true).parse("x^2");
                EVALUATOR.get().eval(F.Simplify(F.Subtract(F.Sqr(F.x), F.Times(F.x, F.x))));
            } catch (RuntimeException e) {
                LOG.debugf(e, "CAS warm-up failed");
            } finally {
                places.release();
                loaded.complete(null);
            }
        });
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
            return new Reading(call(() -> parseNow(text)), Optional.empty());
        } catch (TooLarge | Unfinished e) {
            return new Reading(Optional.empty(), Optional.of(e.getMessage()));
        } catch (RuntimeException e) {
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
                IASTAppendable rules = F.ListAlloc(definitions.size());
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
                IExpr substitution = F.ReplaceAll(y.get().tree(), rules);
                CasBounds.check(substitution);
                IExpr substituted = EVALUATOR.get().eval(substitution);
                Comparison c = compareNow(x.get(), new Expr(substituted, b.source(), b.parsed()));
                return c.verdict() == Verdict.EQUAL
                        ? new Comparison(Verdict.EQUAL, c.how() + ", with the answer's own values of its constants")
                        : c;
            });
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    private static Comparison failed(RuntimeException e) {
        return e instanceof TooLarge || BUSY.equals(e.getMessage()) ? Comparison.notCompared(e.getMessage())
                : new Comparison(Verdict.UNKNOWN, "the check did not finish (" + e.getMessage() + ")");
    }

    /** The CAS did not give an answer: busy, past the time limit, or stopped. */
    static final class Unfinished extends IllegalStateException {

        Unfinished(String message) {
            super(message);
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
            return failed(e);
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
                    IASTAppendable rules = F.ListAlloc(free.size());
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

    /** Reads a text without evaluating it; throws {@link TooLarge} when a bound refuses it. */
    Optional<Expr> parseNow(String raw) {
        String text = Latex.normalise(raw);
        if (text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                || text.contains("\\text")) {
            // Words are not maths: "3 或 x" must not become the product of 3, 或 and x.
            return Optional.empty();
        }
        CasBounds.checkText(text);
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
        CasBounds.check(tree);
        IExpr rewritten = rewrite(tree);
        if (rewritten == null || !allowed(rewritten)) {
            return Optional.empty();
        }
        CasBounds.check(rewritten);
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
            IExpr difference = F.Subtract(F.ReplaceAll(inner, F.Rule(x, sup)), F.ReplaceAll(inner, F.Rule(x, sub)));
            // Safe to evaluate: the inner expression passed the allowlist, and F(b) − F(a) the bounds.
            CasBounds.check(difference);
            return EVALUATOR.get().eval(difference);
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
            IASTAppendable rules = F.ListAlloc(free.size());
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

    /**
     * Runs on the CAS pool with a time limit. A check past its limit is asked to stop (Symja looks between steps) and
     * keeps its place until it has; when every place is held by such checks, callers are told at once that the CAS
     * is busy.
     */
    private <T> T call(Callable<T> work) {
        Job<T> job = new Job<>(work);
        try {
            loaded.get(60, TimeUnit.SECONDS);
            if (overdue.get() >= PLACES || !places.tryAcquire(TIME_LIMIT_MS, TimeUnit.MILLISECONDS)) {
                throw new Unfinished(BUSY);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unfinished("interrupted");
        } catch (ExecutionException | TimeoutException e) {
            throw new Unfinished("the CAS is still loading");
        }
        try {
            pool.execute(job);
        } catch (RejectedExecutionException e) {
            places.release();
            throw new Unfinished("the CAS has stopped");
        }
        try {
            return job.result.get(TIME_LIMIT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            job.stop();
            throw new Unfinished("time limit of " + TIME_LIMIT_MS + " ms reached");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TooLarge tooLarge) {
                throw tooLarge;
            }
            LOG.debugf(cause, "CAS check failed");
            throw new IllegalStateException(cause == null ? "failed" : cause.getClass().getSimpleName());
        } catch (InterruptedException e) {
            job.stop();
            Thread.currentThread().interrupt();
            throw new Unfinished("interrupted");
        }
    }

    /** One check on a pool thread. Its place is given back by the thread when the work has ended, however late. */
    private final class Job<T> implements Runnable {

        final CompletableFuture<T> result = new CompletableFuture<>();
        private final Callable<T> work;
        private Thread runner;
        private EvalEngine engine;
        private boolean stopped;
        private long stoppedAt;

        Job(Callable<T> work) {
            this.work = work;
        }

        @Override
        public void run() {
            try {
                synchronized (this) {
                    if (stopped) {
                        return;
                    }
                    runner = Thread.currentThread();
                    engine = EVALUATOR.get().getEvalEngine();
                    engine.setStopRequested(false);
                    // A long decimal raises the engine's precision while parsing; no check inherits it.
                    engine.setNumericPrecision(15);
                }
                EvalEngine.set(engine);
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            } finally {
                synchronized (this) {
                    runner = null;
                    if (stopped && stoppedAt > 0) {
                        overdue.decrementAndGet();
                        LOG.debugf("A CAS check ended %d ms after its time limit",
                                (System.nanoTime() - stoppedAt) / 1_000_000);
                    }
                }
                Thread.interrupted();
                places.release();
            }
        }

        /** Asks the work to stop; until its thread is free, it counts as overdue. */
        synchronized void stop() {
            if (stopped) {
                return;
            }
            stopped = true;
            if (runner != null) {
                stoppedAt = System.nanoTime();
                overdue.incrementAndGet();
                engine.stopRequest();
                runner.interrupt();
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
