package ai.smartai.backend.grading.cas;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import ai.smartai.backend.grading.cas.Cas.Unfinished;
import org.jboss.logging.Logger;
import org.matheclipse.core.expression.F;

/**
 * A bounded pool of CAS worker processes. A request holds its place until its worker has answered or been killed,
 * so runaway computations cannot multiply: a worker that has not answered {@link #GRACE_MS} after its time limit
 * (Symja did not stop when asked) is killed at once and replaced on the next request. When every place is taken,
 * callers hear that the CAS is busy after at most one check's time.
 */
final class CasProcesses {

    private static final Logger LOG = Logger.getLogger(CasProcesses.class);

    /** How long a worker may take to stop after its time limit before it is killed. */
    static final long GRACE_MS = 1500;
    /** Starting a worker: a JVM and Symja's classes, a few seconds. */
    private static final long START_LIMIT_MS = 60_000;
    /** Heap of one worker: Symja with its rules needs about 150 MB; the cap stops a computation that fills memory. */
    private static final String HEAP = "-Xmx384m";

    private final long limitMs;
    private final long wallMs;
    private final Semaphore free;
    private final ConcurrentLinkedQueue<Worker> idle = new ConcurrentLinkedQueue<>();
    private final Set<Worker> all = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** {@code limitMs} of a check's CPU time, {@code wallMs} of its wall time (see {@link Cas#TIME_LIMIT_MS}). */
    CasProcesses(int places, long limitMs, long wallMs) {
        this.limitMs = limitMs;
        this.wallMs = wallMs;
        this.free = new Semaphore(places);
    }

    /** Sends one request and returns the worker's answer, split into fields. */
    List<String> ask(String... request) {
        try {
            if (!free.tryAcquire(limitMs, TimeUnit.MILLISECONDS)) {
                throw new Unfinished(Cas.BUSY);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unfinished("interrupted");
        }
        Worker w = null;
        try {
            w = idle.poll();
            if (w != null && !w.process.isAlive()) {
                w.kill();
                w = null;
            }
            if (w == null) {
                w = start();
            }
            String answer = w.ask(CasWorker.join(request), wallMs + GRACE_MS);
            if (answer == null) {
                long stopped = w.kill();
                LOG.warnf("A CAS check did not stop at its time limit; its worker was killed (gone %d ms later)",
                        stopped);
                w = null;
                throw new Unfinished("time limit of " + limitMs + " ms reached");
            }
            return CasWorker.split(answer);
        } catch (IOException e) {
            if (w != null) {
                w.kill();
                w = null;
            }
            throw new Unfinished("the CAS worker failed (" + e.getMessage() + ")");
        } finally {
            if (w != null) {
                idle.add(w);
            }
            free.release();
        }
    }

    void close() {
        closed = true;
        all.forEach(Worker::kill);
    }

    private Worker start() throws IOException {
        if (closed) {
            throw new Unfinished("the CAS has stopped");
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
                "-XX:+UseSerialGC", "-cp", classPath(), CasWorker.class.getName(),
                Long.toString(limitMs), Long.toString(wallMs));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Worker w = new Worker(p);
        all.add(w);
        String ready = w.next(START_LIMIT_MS);
        if (!CasWorker.READY.equals(ready)) {
            w.kill();
            throw new IOException(ready == null ? "did not start in time" : "did not start");
        }
        return w;
    }

    /**
     * The worker's class path: this JVM's, plus the folders of our classes and of Symja's jar. In a packaged
     * Quarkus application the libraries are not on java.class.path but all sit beside Symja's jar.
     */
    static String classPath() {
        Set<String> entries = new LinkedHashSet<>(
                List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        for (Class<?> c : List.of(CasWorker.class, F.class)) {
            Path location = location(c);
            if (location == null) {
                continue;
            }
            entries.add(location.toString());
            if (Files.isRegularFile(location) && location.getParent() != null) {
                entries.add(location.getParent().resolve("*").toString());
            }
        }
        entries.removeIf(String::isBlank);
        return String.join(File.pathSeparator, entries);
    }

    private static Path location(Class<?> c) {
        try {
            CodeSource source = c.getProtectionDomain().getCodeSource();
            return source == null || source.getLocation() == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** One worker process; its answers are read by a thread of its own so that waiting for one can time out. */
    private final class Worker {

        final Process process;
        private final Writer in;
        private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

        Worker(Process process) {
            this.process = process;
            this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        answers.add(line);
                    }
                } catch (IOException e) {
                    // The process ended; the caller times out or sees it dead.
                }
            }, "smartai-cas-reader");
            reader.setDaemon(true);
            reader.start();
        }

        String ask(String request, long timeoutMs) throws IOException {
            answers.clear();
            in.write(request);
            in.write('\n');
            in.flush();
            return next(timeoutMs);
        }

        String next(long timeoutMs) throws IOException {
            try {
                String line = answers.poll(timeoutMs, TimeUnit.MILLISECONDS);
                if (line == null && !process.isAlive()) {
                    throw new IOException("the worker ended");
                }
                return line;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
                throw new IOException("interrupted");
            }
        }

        /** Kills the process and waits until it is gone; returns how long that took in ms. */
        long kill() {
            long t0 = System.nanoTime();
            all.remove(this);
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return (System.nanoTime() - t0) / 1_000_000;
        }
    }
}
