package ai.smartai.backend.metrics;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

/**
 * The application's own metrics, one call per event, named {@code smartai.*} (Prometheus: {@code smartai_*}). Static,
 * on Micrometer's global registry (Quarkus adds its Prometheus registry there), so that classes built without CDI
 * (the CLI, unit tests) record into a no-op registry instead of needing a bean. Tags are low-cardinality kinds and
 * outcomes only: never a user, a task, a provider's name or key. docs/operations.md lists every series.
 */
public final class OpsMetrics {

    private static final Duration[] LATENCY_BUCKETS = { Duration.ofMillis(10), Duration.ofMillis(100),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(15),
            Duration.ofSeconds(60) };
    private static final AtomicLong QUEUED = new AtomicLong();
    private static final AtomicLong STREAMS = new AtomicLong();

    private OpsMetrics() {
    }

    /** The gauges, bound at startup by {@link OpsGauges} so that they are scraped before their first change. */
    public static void bindGauges(MeterRegistry registry) {
        Gauge.builder("smartai.grading.queue.depth", QUEUED, AtomicLong::get)
                .description("Grading units waiting for a worker").register(registry);
        Gauge.builder("smartai.sse.streams.active", STREAMS, AtomicLong::get).description("Open job event streams")
                .register(registry);
    }

    /** Units handed to the grading queue. */
    public static void queued(int units) {
        QUEUED.addAndGet(units);
    }

    /** A unit left the queue (a worker took it, or it was released at a stop). */
    public static void dequeued() {
        QUEUED.decrementAndGet();
    }

    /** A grader ran: its method and how long since {@code startNanos}. Rate of the count = units/s per method. */
    public static void graded(String method, long startNanos) {
        Timer.builder("smartai.grading.duration").description("Time one grader took on one answer")
                .tag("method", lower(method)).serviceLevelObjectives(LATENCY_BUCKETS).register(registry())
                .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    /** A unit's grade was stored, computed or from the cache: its rate is units/s per method. */
    public static void unitStored(String method) {
        Counter.builder("smartai.grading.units").description("Grading units stored")
                .tag("method", lower(method)).register(registry())
                .increment();
    }

    /** A sandbox run ended: completed (whatever its exit code), timeout, or killed by another limit. */
    public static void sandboxRun(String killedBy, long wallMillis) {
        String outcome = killedBy == null ? "completed" : killedBy.startsWith("wall-time") ? "timeout" : "killed";
        Timer.builder("smartai.sandbox.runs").description("Student program runs in the sandbox")
                .tag("outcome", outcome).serviceLevelObjectives(LATENCY_BUCKETS).register(registry())
                .record(wallMillis, TimeUnit.MILLISECONDS);
    }

    /** One LLM call (after its retries): provider kind, "ok" or the failure kind, latency and tokens spent. */
    public static void llmCall(String providerKind, String outcome, long startNanos, int tokens) {
        Timer.builder("smartai.llm.calls").description("Calls to LLM providers, by provider kind and outcome")
                .tag("provider", lower(providerKind)).tag("outcome", outcome).serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry()).record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
        Counter.builder("smartai.llm.tokens").description("Tokens spent at LLM providers")
                .tag("provider", lower(providerKind)).register(registry()).increment(tokens);
        if (!"ok".equals(outcome)) {
            Counter.builder("smartai.llm.errors").description("Failed LLM calls, by provider kind and failure")
                    .tag("provider", lower(providerKind)).tag("kind", outcome).register(registry()).increment();
        }
    }

    /** An upload was accepted for ingest. */
    public static void ingested(String kind, long bytes) {
        Counter.builder("smartai.ingest.bytes").baseUnit("bytes").description("Bytes uploaded for ingest")
                .tag("kind", lower(kind)).register(registry()).increment(bytes);
    }

    /** An ingest job failed (unreadable archive, no problems found, …). */
    public static void ingestFailed(String kind) {
        Counter.builder("smartai.ingest.failures").description("Ingest jobs that failed")
                .tag("kind", lower(kind)).register(registry()).increment();
    }

    public static void streamOpened() {
        STREAMS.incrementAndGet();
    }

    public static void streamClosed() {
        STREAMS.decrementAndGet();
    }

    public static void loginFailed() {
        Counter.builder("smartai.auth.login.failures").description("Failed sign-ins (wrong name or password)")
                .register(registry()).increment();
    }

    public static void prunedRows(String table, int rows) {
        Counter.builder("smartai.housekeeping.pruned").description("Rows removed by the scheduled prune")
                .tag("table", table).register(registry()).increment(rows);
    }

    private static MeterRegistry registry() {
        return Metrics.globalRegistry;
    }

    private static String lower(String s) {
        return s == null ? "none" : s.toLowerCase(Locale.ROOT);
    }
}
