package ai.smartai.backend.grading.cas;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import ai.smartai.backend.grading.cas.Cas.Comparison;
import ai.smartai.backend.grading.cas.Cas.Expr;
import ai.smartai.backend.grading.cas.Cas.Verdict;
import ai.smartai.backend.grading.cas.CasBounds.TooLarge;
import org.matheclipse.core.basic.Config;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Everything that evaluates. It runs only inside a CAS worker process ({@link CasWorker}), which the server kills
 * when a check outlives its time limit: Symja stops on request only between evaluation steps, and some of its work
 * (pattern matching in Integrate, big-number arithmetic) has no such steps.
 */
final class CasEvaluation {

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
        // Symja's own limits, behind CasBounds: it checks them as it goes, so they end what our estimate missed.
        Config.MAX_BIT_LENGTH = 200_000;
        Config.MAX_AST_SIZE = 20_000;
        Config.MAX_POLYNOMIAL_DEGREE = 1000;
        Config.MAX_INPUT_LEAVES = CasBounds.MAX_LEAVES;
        Config.MAX_OUTPUT_SIZE = 100_000;
        Config.MAX_LOOP_COUNT = 10_000;
    }

    private CasEvaluation() {
    }

    /** This thread's engine, made current, with the precision every check starts from. */
    static EvalEngine engine() {
        EvalEngine engine = EVALUATOR.get().getEvalEngine();
        EvalEngine.set(engine);
        return engine;
    }

    /** Resets the engine before a check: no stop left over, and no precision raised by a long decimal earlier. */
    static EvalEngine fresh() {
        EvalEngine engine = engine();
        engine.setStopRequested(false);
        engine.setNumericPrecision(15);
        return engine;
    }

    /** Loads Symja's classes and rules, which takes seconds the first time. */
    static void warmUp() {
        Cas.parseNow("\\frac{x}{2}");
        Cas.parseNow("x^2 + sqrt(2)");
        EVALUATOR.get().eval(F.Simplify(F.Subtract(F.Sqr(F.x), F.Times(F.x, F.x))));
        EVALUATOR.get().eval(F.N(F.Pi));
    }

    /** Compares after substituting the answer's own definitions (name → closed value) into {@code b}. */
    static Comparison compare(String a, String b, List<String[]> definitions) {
        try {
            Optional<Expr> x = Cas.parseNow(a);
            Optional<Expr> y = Cas.parseNow(b);
            if (x.isEmpty() || y.isEmpty()) {
                return new Comparison(Verdict.UNKNOWN, "could not re-read the expressions");
            }
            IASTAppendable rules = F.ListAlloc(definitions.size());
            for (String[] d : definitions) {
                Optional<Expr> value = Cas.parseNow(d[1]);
                Optional<Expr> name = Cas.parseNow(d[0]);
                if (value.isPresent() && name.isPresent() && name.get().tree().isSymbol()
                        && value.get().freeSymbols().isEmpty()) {
                    rules.append(F.Rule(name.get().tree(), value.get().tree()));
                }
            }
            Comparison plain = compareNow(x.get(), y.get());
            if (plain.verdict() != Verdict.EQUAL) {
                Comparison euler = eulers(x.get(), y.get());
                if (euler != null) {
                    return euler;
                }
            }
            if (rules.argSize() == 0 || plain.verdict() == Verdict.EQUAL) {
                return plain;
            }
            IExpr substitution = F.ReplaceAll(y.get().tree(), rules);
            CasBounds.check(substitution);
            IExpr substituted = EVALUATOR.get().eval(substitution);
            Comparison c = compareNow(x.get(), new Expr(substituted, b, b));
            return c.verdict() == Verdict.EQUAL
                    ? new Comparison(Verdict.EQUAL, c.how() + ", with the answer's own values of its constants")
                    : c;
        } catch (TooLarge e) {
            return Comparison.notCompared(e.getMessage());
        }
    }

    /**
     * "e^2" read as plain text names a variable e; "e^{2}" in TeX is Euler's number. When only one side has a free e,
     * that e is Euler's number: the comparison is repeated with e = E on that side, and only an equal verdict counts.
     */
    private static Comparison eulers(Expr a, Expr b) {
        boolean inA = a.freeSymbols().contains("e");
        boolean inB = b.freeSymbols().contains("e");
        if (inA == inB) {
            return null;
        }
        IExpr rule = F.List(F.Rule(F.symbol("e"), F.E));
        Expr a2 = inA ? new Expr(EVALUATOR.get().eval(F.ReplaceAll(a.tree(), rule)), a.source()) : a;
        Expr b2 = inB ? new Expr(EVALUATOR.get().eval(F.ReplaceAll(b.tree(), rule)), b.source()) : b;
        Comparison c = compareNow(a2, b2);
        return c.verdict() == Verdict.EQUAL ? new Comparison(Verdict.EQUAL, c.how() + ", with e read as Euler's number")
                : null;
    }

    /** Values at three fixed points (each symbol gets a value from its name); null when there is no numeric value. */
    static double[] fingerprint(String text) {
        ExprEvaluator ev = EVALUATOR.get();
        Optional<Expr> local = Cas.parseNow(text);
        if (local.isEmpty()) {
            return null;
        }
        Expr e = local.get();
        Set<String> free = e.freeSymbols();
        double[] out = new double[3];
        for (int p = 0; p < 3; p++) {
            IASTAppendable rules = F.ListAlloc(free.size());
            for (String sym : free) {
                // abs after the remainder: the same point for every hash, and never negative (abs(MIN_VALUE) is).
                double v = 0.37 + Math.abs((sym + p).hashCode() % 1000) / 613.0;
                rules.append(F.Rule(F.symbol(sym), F.num(v)));
            }
            Double d = numeric(ev, free.isEmpty() ? e.tree() : F.ReplaceAll(e.tree(), rules));
            if (d == null) {
                return null;
            }
            out[p] = d;
        }
        return out;
    }

    /** Symbolic first, then numeric at random points for expressions with free variables. */
    static Comparison compareNow(Expr a, Expr b) {
        ExprEvaluator ev = EVALUATOR.get();
        Set<String> free = new TreeSet<>(a.freeSymbols());
        free.addAll(b.freeSymbols());
        IExpr diff = F.Subtract(a.tree(), b.tree());
        if (free.isEmpty()) {
            if (a.tree().isRational() && b.tree().isRational()) {
                // 3232238145 against 3232238144: exact numbers differ by any amount, however large they are.
                return new Comparison(ev.eval(diff).isZero() ? Verdict.EQUAL : Verdict.DIFFERENT, "exact value");
            }
            Double d = numeric(ev, diff);
            Double scale = numeric(ev, F.Plus(F.Abs(a.tree()), F.Abs(b.tree())));
            if (d == null) {
                return new Comparison(Verdict.UNKNOWN, "no numeric value");
            }
            boolean equal = Math.abs(d) <= 1e-9 * Math.max(1, scale == null ? 1 : scale);
            return new Comparison(equal ? Verdict.EQUAL : Verdict.DIFFERENT, "numeric value");
        }
        // Values at random points first: Simplify can take seconds (polynomials in √2 and π), and when the values
        // agree everywhere it could only confirm what they show. Simplify decides only when they do not agree.
        Comparison numeric = atRandomPoints(ev, a, b, free);
        if (numeric.verdict() == Verdict.EQUAL) {
            return numeric;
        }
        IExpr simplified = ev.eval(F.Simplify(diff));
        if (simplified.isZero()) {
            return new Comparison(Verdict.EQUAL, "symbolic: simplify(a − b) = 0");
        }
        return numeric;
    }

    private static Comparison atRandomPoints(ExprEvaluator ev, Expr a, Expr b, Set<String> free) {
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
}
