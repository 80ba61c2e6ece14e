package ai.smartai.backend.grading.cas;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import ai.smartai.backend.grading.cas.Cas.Comparison;
import org.matheclipse.core.eval.EvalEngine;

/**
 * The CAS worker process: reads one request per line on stdin, answers one line on stdout. A check past its time
 * limit (its thread's CPU time) or its wall limit is asked to stop and usually answers at once; the server kills the
 * process when it does not.
 * <p>
 * Requests: {@code compare a b name1 value1 …} and {@code fingerprint text}. Answers: {@code ok verdict how},
 * {@code ok v1 v2 v3}, {@code none} (no numeric value), {@code error message}. Fields are tab-separated and escaped
 * by {@link #escape}.
 */
public final class CasWorker {

    static final String READY = "ready";
    /** How often a running check's time is looked at. */
    private static final long CHECK_EVERY_MS = 25;

    private CasWorker() {
    }

    public static void main(String[] args) throws Exception {
        long limitMs = args.length > 0 ? Long.parseLong(args[0]) : Cas.TIME_LIMIT_MS;
        long wallMs = args.length > 1 ? Long.parseLong(args[1]) : Cas.WALL_LIMIT_MS;
        // Symja prints warnings on stdout; the protocol keeps stdout for itself.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        CasEvaluation.fresh();
        try {
            CasEvaluation.warmUp();
        } catch (RuntimeException e) {
            System.err.println("CAS warm-up failed: " + e);
        }
        out.println(READY);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cas-timer");
            t.setDaemon(true);
            return t;
        });
        String line;
        while ((line = in.readLine()) != null) {
            EvalEngine engine = CasEvaluation.fresh();
            Watch stop = stopWhenSpent(timer, engine, limitMs, wallMs);
            String answer;
            try {
                answer = answer(split(line));
                if (engine.isStopRequested()) {
                    // Stopped part-way, the work may have read the stop as "no value": say what happened.
                    answer = join("error", "time limit of " + limitMs + " ms reached");
                }
            } catch (RuntimeException | StackOverflowError e) {
                answer = engine.isStopRequested() ? join("error", "time limit of " + limitMs + " ms reached")
                        : join("error", e.getClass().getSimpleName());
            } finally {
                stop.close();
            }
            out.println(answer);
        }
    }

    /**
     * Asks the engine to stop once this thread has computed for {@code limitMs} (its CPU time, where the JVM measures
     * it; else wall time) or {@code wallMs} have passed, until {@link Watch#close()}.
     */
    private static Watch stopWhenSpent(ScheduledExecutorService timer, EvalEngine engine, long limitMs, long wallMs) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        boolean cpu = threads.isThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
        long cpu0 = cpu ? threads.getThreadCpuTime(self) : 0;
        long wall0 = System.nanoTime();
        long limit = TimeUnit.MILLISECONDS.toNanos(limitMs);
        long wall = TimeUnit.MILLISECONDS.toNanos(cpu ? wallMs : limitMs);
        Watch watch = new Watch();
        watch.task = timer.scheduleAtFixedRate(() -> {
            boolean spent = cpu && threads.getThreadCpuTime(self) - cpu0 >= limit;
            if (spent || System.nanoTime() - wall0 >= wall) {
                watch.stop(engine);
            }
        }, CHECK_EVERY_MS, CHECK_EVERY_MS, TimeUnit.MILLISECONDS);
        return watch;
    }

    /** One check's watch: closed, it can no longer stop the engine, which the next check reuses. */
    private static final class Watch {

        private ScheduledFuture<?> task;
        private boolean closed;

        synchronized void stop(EvalEngine engine) {
            if (!closed) {
                engine.stopRequest();
            }
        }

        synchronized void close() {
            closed = true;
            task.cancel(false);
        }
    }

    private static String answer(List<String> request) {
        switch (request.get(0)) {
            case "compare" -> {
                List<String[]> definitions = new ArrayList<>();
                for (int i = 3; i + 1 < request.size(); i += 2) {
                    definitions.add(new String[] { request.get(i), request.get(i + 1) });
                }
                Comparison c = CasEvaluation.compare(request.get(1), request.get(2), definitions);
                return join("ok", c.verdict().name(), c.how());
            }
            case "fingerprint" -> {
                double[] p = CasEvaluation.fingerprint(request.get(1));
                return p == null ? "none"
                        : join("ok", Double.toString(p[0]), Double.toString(p[1]), Double.toString(p[2]));
            }
            default -> {
                return join("error", "unknown request");
            }
        }
    }

    /** Tab-separated fields; backslash, tab and line breaks inside a field are escaped. */
    static String join(String... fields) {
        StringBuilder b = new StringBuilder();
        for (String f : fields) {
            if (b.length() > 0) {
                b.append('\t');
            }
            b.append(escape(f));
        }
        return b.toString();
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t') {
                out.add(b.toString());
                b.setLength(0);
            } else if (c == '\\' && i + 1 < line.length()) {
                char n = line.charAt(++i);
                b.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                b.append(c);
            }
        }
        out.add(b.toString());
        return out;
    }
}
