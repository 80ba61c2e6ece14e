package ai.smartai.backend.grading.cas;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import ai.smartai.backend.grading.GradeResult;
import ai.smartai.backend.grading.Inputs;
import ai.smartai.model.problem.ProblemType;
import com.sun.management.OperatingSystemMXBean;
import org.matheclipse.core.form.tex.TeXParser;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.parser.ExprParser;

/** Maths written to exhaust the server: refused before evaluation, or stopped, and never left running. */
class HostileMathTest {

    /** The red team's payloads; the last is [F]_a^b, which the CAS reads as F(b) − F(a). */
    static final List<String> PAYLOADS = List.of("x - x + (10^8)!", "3^(10^9) - 3^(10^9)", "$3^{10^9} - 3^{10^9}$",
            "$[t^t]_0^{10^9}$");
    static final String REFERENCE = "$\\int_0^1 (2x+1)dx = [x^2+x]_0^1 = 2$\n答案：2";
    /**
     * Passes every bound, yet Symja's integration rules can match patterns for minutes without looking at the stop
     * (whether a run stops when asked depends on where the request finds it).
     */
    static final String RUNAWAY = "Integrate(Sin(x)^99, x)";

    /**
     * A computation left running keeps a whole core busy; the JVM's own collector and compiler, and other tests'
     * threads in this fork, have measured up to 0.21 of one on a loaded CI machine, so the line sits between the two.
     */
    static final double RUNAWAY_CORE = 0.6;

    static Cas cas;
    static CasGrader grader;

    @BeforeAll
    static void start() {
        cas = new Cas();
        grader = new CasGrader();
        grader.cas = cas;
        // Starts a worker and loads Symja, so that no deadline below includes that.
        assertThat(cas.fingerprint(cas.parse("x^2 + 1").orElseThrow())).isNotNull();
    }

    @AfterAll
    static void stop() {
        cas.stop();
    }

    @Test
    void hostileMathLeavesTheCpuIdleFiveSecondsAfterItsDeadline() throws Exception {
        for (String payload : PAYLOADS) {
            long t0 = System.nanoTime();
            GradeResult r = grader.grade(Inputs.of(ProblemType.CALCULATION, "Compute the integral.", REFERENCE,
                    "$\\int_0^1 (2x+1)dx = " + payload.replace("$", "") + "$\n答案：" + payload));
            Optional<Cas.Expr> e = cas.parse(payload);
            if (e.isPresent()) {
                cas.compare(e.get(), cas.parse("x").orElseThrow());
                cas.fingerprint(e.get());
            }
            // Straight to the worker, as if the parse here had let it through: the worker applies the bounds too.
            Cas.Expr unchecked = new Cas.Expr(cas.parse("x").orElseThrow().tree(), payload, payload);
            assertThat(cas.compare(unchecked, cas.parse("x").orElseThrow()).how())
                    .startsWith("not compared: the expression is too large to evaluate safely");
            assertThat(cas.fingerprint(unchecked)).isNull();
            assertThat(r.score() == null || r.needsReview()).as(r.toString()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).as(payload).isLessThan(Duration.ofSeconds(30));
        }
        long lastReturned = System.nanoTime();
        TimeUnit.NANOSECONDS.sleep(lastReturned + TimeUnit.SECONDS.toNanos(5) - System.nanoTime());
        assertThat(coresBusy(1500)).as("cores busy 5 s after the last deadline").isLessThan(RUNAWAY_CORE);
    }

    @Test
    void aCheckPastItsTimeLimitIsStoppedOrItsWorkerKilled() throws Exception {
        Cas.Expr runaway = cas.parse(RUNAWAY).orElseThrow();
        assertThat(cas.fingerprint(cas.parse("x").orElseThrow())).isNotNull();
        long t0 = System.nanoTime();
        Cas.Comparison c = cas.compare(runaway, cas.parse("x").orElseThrow());
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertThat(c.verdict()).isEqualTo(Cas.Verdict.UNKNOWN);
        assertThat(c.how()).contains("time limit");
        assertThat(took).isLessThan(Duration.ofMillis(Cas.WALL_LIMIT_MS + CasProcesses.GRACE_MS + 3000));
        TimeUnit.SECONDS.sleep(2);
        assertThat(coresBusy(1000)).as("cores busy 2 s after the answer").isLessThan(RUNAWAY_CORE);
        // The next check gets a working worker (a fresh one when the last was killed).
        assertThat(cas.compare(cas.parse("(x+1)^2").orElseThrow(), cas.parse("x^2+2x+1").orElseThrow()).verdict())
                .isEqualTo(Cas.Verdict.EQUAL);
    }

    @Test
    void whenEveryPlaceIsTakenCallersHearTheCasIsBusyWithinOneTimeLimit() throws Exception {
        Cas.Expr runaway = cas.parse(RUNAWAY).orElseThrow();
        Cas.Expr x = cas.parse("x").orElseThrow();
        List<CompletableFuture<Cas.Comparison>> held = new ArrayList<>();
        for (int i = 0; i < Cas.PLACES; i++) {
            held.add(CompletableFuture.supplyAsync(() -> cas.compare(runaway, x)));
        }
        TimeUnit.MILLISECONDS.sleep(300);
        long t0 = System.nanoTime();
        Cas.Comparison busy = cas.compare(cas.parse("2").orElseThrow(), cas.parse("1+1").orElseThrow());
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(Cas.TIME_LIMIT_MS + 1000));
        assertThat(busy.verdict()).isEqualTo(Cas.Verdict.UNKNOWN);
        assertThat(busy.how()).isEqualTo("not compared: the CAS is busy");
        assertThat(workers()).isLessThanOrEqualTo(Cas.PLACES);
        CompletableFuture.allOf(held.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);
        assertThat(workers()).isLessThanOrEqualTo(Cas.PLACES);
        assertThat(cas.compare(cas.parse("2").orElseThrow(), cas.parse("1+1").orElseThrow()).verdict())
                .isEqualTo(Cas.Verdict.EQUAL);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "x - x + (10^8)!                | the factorial of 10^8",
            "3^(10^9) - 3^(10^9)            | digits",
            "$3^{10^9} - 3^{10^9}$          | digits",
            "$[t^t]_0^{10^9}$               | digits",
            "1*^1000000000                  | '*^'",
            "Get(\"/etc/passwd\")             | 'Get'",
            "x^(10^6) - 1                   | the exponent of",
            "Sum(k, {k, 1, 10^9})           | terms",
            "Binomial(10^6, 3)              | the binomial coefficient",
            "D(x^2, {x, 1000})              | the derivative order",
            "E^(10^9) - 1                   | digits",
            "Floor(E^(10^9))                | digits",
            "Sin(10^(10^9))                 | digits",
            "$\\int_0^{10^9} x^x dx$         | digits" })
    void tooLargeInputsAreRefusedBeforeEvaluationWithTheBoundTheyBreak(String text, String bound) {
        long t0 = System.nanoTime();
        Cas.Reading r = cas.read(text);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
        assertThat(r.expr()).isEmpty();
        assertThat(r.refusal()).get().asString().startsWith("the expression is too large to evaluate safely (")
                .contains(bound);
    }

    @Test
    void longNumbersAndDeepNestingAreRefusedFromTheTextAlone() {
        assertThat(cas.read("1" + "0".repeat(150) + " + x").refusal()).get().asString()
                .contains("a number of 151 digits; the limit is 100");
        assertThat(cas.read("(".repeat(50) + "x" + ")".repeat(50)).refusal()).get().asString()
                .contains("brackets nested more than 40 deep");
        assertThat(cas.read("x+".repeat(1100) + "x").refusal()).get().asString().contains("characters");
    }

    @ParameterizedTest
    @ValueSource(strings = { "\\frac{\\pi-2}{4}", "2^{64}", "100!", "\\binom{52}{5}", "\\sum_{k=1}^{100} k^2",
            "(x+1)^{10}", "e^{-x^2}", "\\int_0^1 x^2 dx", "\\sin(100)", "[x^3]_0^{10}", "\\frac{d}{dx} x^5",
            "3.14159265358979323846", "1000!/998!", "x^{20} - 1", "\\sqrt{2^{100}}" })
    void homeworkMathsStaysWithinTheBounds(String text) {
        Cas.Reading r = cas.read(text);
        assertThat(r.refusal()).as(text).isEmpty();
        assertThat(r.expr()).as(text).isPresent();
    }

    @Test
    void theParsersReadThePayloadsWithoutEvaluatingThem() throws Exception {
        for (String payload : List.of("x - x + (10^8)!", "3^(10^9) - 3^(10^9)")) {
            IExpr tree = within(2000, () -> new ExprParser(CasEvaluation.engine(), true).parse(payload));
            assertThat(tree.toString()).as(payload).contains("10^");
        }
        for (String payload : List.of("x - x + (10^8)!", "3^{10^9} - 3^{10^9}", "[t^t]_0^{10^9}")) {
            IExpr tree = within(2000, () -> new TeXParser().parse(payload));
            assertThat(tree.toString()).as(payload).contains("10^");
        }
        // ExprParser itself would write out 10^1000000000 digit by digit; the text check stops it first.
        assertThat(within(2000, () -> cas.read("1*^1000000000")).refusal()).isPresent();
    }

    @Test
    void aRefusedFinalAnswerGoesToReviewAndCostsNoPoints() {
        for (String payload : PAYLOADS) {
            GradeResult r = grader.grade(Inputs.of(ProblemType.CALCULATION, "Compute the integral.", REFERENCE,
                    "$\\int_0^1 (2x+1)dx = [x^2+x]_0^1$\n答案：" + payload));
            assertThat(r.reasonTexts()).as(r.toString())
                    .anyMatch(x -> x.startsWith("final answer not compared: the expression is too large to evaluate"));
            assertThat(r.evidence()).as(r.toString())
                    .anyMatch(e -> e.kind().equals("cas-result") && e.summary().contains("was not compared"))
                    .noneMatch(e -> e.summary().contains("is not equivalent"));
        }
    }

    @Test
    void constantsSubstitutedIntoAnAnswerAreBoundedToo() {
        Cas.Comparison c = cas.compare(cas.parse("3").orElseThrow(), cas.parse("c^{c^{c}}").orElseThrow(),
                List.<String[]>of(new String[] { "c", "10" }));
        assertThat(c.verdict()).isEqualTo(Cas.Verdict.UNKNOWN);
        assertThat(c.how()).startsWith("not compared: the expression is too large to evaluate safely");
    }

    /** Cores this JVM and its child processes (the CAS workers) kept busy over the next {@code ms}. */
    static double coresBusy(long ms) throws InterruptedException {
        long c0 = cpuNanos();
        long t0 = System.nanoTime();
        TimeUnit.MILLISECONDS.sleep(ms);
        return (double) (cpuNanos() - c0) / (System.nanoTime() - t0);
    }

    private static long cpuNanos() {
        long self = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        return self + ProcessHandle.current().descendants()
                .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
    }

    private static long workers() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains(CasWorker.class.getName()))
                        .orElse(false))
                .count();
    }

    private static <T> T within(long ms, Supplier<T> work) throws Exception {
        return CompletableFuture.supplyAsync(work).get(ms, TimeUnit.MILLISECONDS);
    }
}
