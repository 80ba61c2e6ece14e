package ai.smartai.backend.grading.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import ai.smartai.backend.metrics.OpsMetrics;
import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;

/**
 * Runs an untrusted program in bubblewrap: no network, read-only system directories, a private size-capped /tmp and
 * /dev/shm, the files given (read-only) in /work, an empty environment, a separate uid when the server is root, and
 * limits on memory, CPU, processes, file size, wall time and output. Memory and processes are limited for the whole
 * run by a cgroup where one is writable ({@link RunCgroups}), and per process in any case. Nothing of the server (its
 * environment, data directory or keys) is mounted, so nothing of it is reachable.
 */
@ApplicationScoped
public class Sandbox {

    private static final Logger LOG = Logger.getLogger(Sandbox.class);

    /** What a run did. {@code killedBy} says why we stopped it, if we did. */
    public record Result(int exitCode, String stdout, String stderr, long wallMillis, String killedBy) {
        public boolean ok() {
            return exitCode == 0 && killedBy == null;
        }
    }

    /**
     * Per-run limits; compilers and JVMs need more address space and time than a script. {@code memoryMb} is each
     * process's address space, {@code runMemoryMb} what all processes of the run hold together (cgroup mode);
     * {@code fallbackProcesses} the process limit when there is no cgroup, kept small because then only the address
     * space of each process is bounded.
     */
    public record Limits(int memoryMb, int runMemoryMb, int cpuSeconds, int wallSeconds, int fallbackProcesses) {
    }

    /** The size of the private /tmp and of /dev/shm (tmpfs: it is memory). */
    static final long TMPFS_BYTES = 16L << 20;
    /** Processes of a script's run without a cgroup: the harness, the program and a spare. */
    static final int FALLBACK_PROCESSES = 8;

    @Inject
    SandboxConfig config;

    private volatile Boolean available;
    private Semaphore slots;
    private RunCgroups cgroups;

    public Sandbox() {
    }

    Sandbox(SandboxConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        cgroups();
    }

    /** How memory is limited across a run's processes; detected (and logged) once. */
    synchronized RunCgroups cgroups() {
        if (cgroups == null) {
            cgroups = RunCgroups.detect(config.cgroups(), config.cgroupV2Parent());
        }
        return cgroups;
    }

    /** The limits of a script's run. */
    public Limits defaults() {
        return new Limits(config.memoryMb(), config.memoryMb(), config.cpuSeconds(), config.wallSeconds(),
                FALLBACK_PROCESSES);
    }

    /** Whether programs can run: bubblewrap works here, or an administrator allowed the unsafe local mode. */
    public boolean available() {
        return isolated() || config.allowUnsafeLocal();
    }

    /** Whether bubblewrap works on this machine (checked once by running /bin/true in it). */
    public boolean isolated() {
        Boolean a = available;
        if (a == null) {
            a = probe();
            available = a;
        }
        return a;
    }

    private boolean probe() {
        if (!Files.isExecutable(Path.of(config.bwrap()))) {
            LOG.warnf("No bubblewrap at %s: student programs will not be run (grades go to review)", config.bwrap());
            return false;
        }
        try {
            Path dir = Files.createTempDirectory("smartai-probe");
            giveToSandbox(dir);
            try {
                Result r = execute(dir, List.of("/bin/true"), "", true, defaults());
                if (r.exitCode() != 0) {
                    LOG.warnf("bubblewrap does not work here (%s): student programs will not be run",
                            r.stderr().strip());
                }
                return r.exitCode() == 0;
            } finally {
                delete(dir);
            }
        } catch (IOException e) {
            LOG.warn("bubblewrap check failed: student programs will not be run", e);
            return false;
        }
    }

    /** Runs {@code command} with {@code files} in /work (read-only) and the working directory /work. */
    public Result run(Map<String, String> files, List<String> command, String stdin) throws IOException {
        return run(files, command, stdin, defaults());
    }

    public Result run(Map<String, String> files, List<String> command, String stdin, Limits limits)
            throws IOException {
        if (!available()) {
            throw new IllegalStateException("sandbox unavailable");
        }
        Path dir = Files.createTempDirectory("smartai-run");
        try {
            for (var f : files.entrySet()) {
                Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
            }
            giveToSandbox(dir);
            Semaphore s = slots();
            s.acquireUninterruptibly();
            try {
                return execute(dir, command, stdin, isolated(), limits);
            } finally {
                s.release();
            }
        } finally {
            delete(dir);
        }
    }

    /**
     * A run's files are readable by the program and nobody else: owned by the sandbox's uid when the server is root
     * (the program runs as that uid), and owner-only either way, so other local users never see student code.
     */
    private void giveToSandbox(Path dir) throws IOException {
        boolean root = "root".equals(System.getProperty("user.name"));
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (root) {
                    Files.setAttribute(p, "unix:uid", config.uid());
                    Files.setAttribute(p, "unix:gid", config.uid());
                }
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "r-x------"
                        : "r--------"));
            }
        }
    }

    private synchronized Semaphore slots() {
        if (slots == null) {
            slots = new Semaphore(Math.max(1, config.concurrency()));
        }
        return slots;
    }

    private Result execute(Path dir, List<String> command, String stdin, boolean isolate, Limits limits)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        boolean root = "root".equals(System.getProperty("user.name"));
        if (isolate) {
            if (root) {
                // As root, RLIMIT_NPROC would not bind: run as an unprivileged uid instead.
                cmd.addAll(List.of("/usr/bin/setpriv", "--reuid=" + config.uid(), "--regid=" + config.uid(),
                        "--clear-groups", "--"));
            }
            cmd.addAll(List.of(config.bwrap(), "--unshare-all", "--die-with-parent", "--new-session",
                    "--ro-bind", "/usr", "/usr", "--symlink", "usr/bin", "/bin", "--symlink", "usr/lib", "/lib",
                    "--symlink", "usr/lib64", "/lib64", "--symlink", "usr/sbin", "/sbin",
                    "--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache",
                    "--ro-bind-try", "/etc/alternatives", "/etc/alternatives",
                    // Debian's JDKs keep their conf/ as links into /etc: javac and java need them.
                    "--ro-bind-try", "/etc/java-17-openjdk", "/etc/java-17-openjdk",
                    "--ro-bind-try", "/etc/java-21-openjdk", "/etc/java-21-openjdk",
                    // /dev is a tmpfs without a size: /dev/shm gets its own capped one and the rest is read-only.
                    "--proc", "/proc", "--dev", "/dev", "--size", Long.toString(TMPFS_BYTES), "--tmpfs", "/dev/shm",
                    "--size", Long.toString(TMPFS_BYTES), "--tmpfs", "/tmp",
                    "--ro-bind", dir.toString(), "/work", "--chdir", "/work",
                    "--clearenv", "--setenv", "PATH", "/usr/bin:/bin", "--setenv", "HOME", "/tmp",
                    "--setenv", "LANG", "C.UTF-8", "--setenv", "PYTHONIOENCODING", "utf-8",
                    "--setenv", "PYTHONDONTWRITEBYTECODE", "1", "--remount-ro", "/dev", "--remount-ro", "/", "--"));
        }
        RunCgroups.Run group = null;
        if (isolate && cgroups().active()) {
            try {
                group = cgroups().create((long) limits.runMemoryMb() << 20, config.maxProcesses());
            } catch (IOException e) {
                LOG.warnf("No cgroup for this run (%s): it runs with the per-process limits only", e.getMessage());
            }
        }
        try {
            return execute(dir, cmd, command, stdin, isolate, limits, root, group);
        } finally {
            if (group != null) {
                group.close();
            }
        }
    }

    private Result execute(Path dir, List<String> sandboxed, List<String> command, String stdin, boolean isolate,
            Limits limits, boolean root, RunCgroups.Run group) throws IOException {
        // RLIMIT_NPROC binds only as a uid of our own (root); without a cgroup it must also keep memory small.
        int processes = !(isolate && root) ? 4096
                : group != null ? config.maxProcesses() : Math.min(config.maxProcesses(), limits.fallbackProcesses());
        List<String> cmd = new ArrayList<>(sandboxed);
        cmd.addAll(List.of("/usr/bin/prlimit", "--as=" + ((long) limits.memoryMb() << 20),
                "--cpu=" + limits.cpuSeconds(), "--nproc=" + processes, "--fsize=" + (16L << 20), "--nofile=64",
                "--core=0", "--"));
        cmd.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(group == null ? cmd : group.wrap(cmd)).directory(dir.toFile());
        // bubblewrap's own init process is visible as /proc/1 inside: it must not carry the server's environment.
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        if (!isolate) {
            pb.environment().put("HOME", dir.toString());
        }
        long t0 = System.nanoTime();
        Process p = pb.start();
        Capture out = new Capture(p.getInputStream(), config.maxOutputBytes());
        Capture err = new Capture(p.getErrorStream(), 64 * 1024);
        out.start();
        err.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        } catch (IOException closedEarly) {
            // The program did not read its input: fine.
        }
        String killedBy = null;
        try {
            while (true) {
                if (p.waitFor(50, TimeUnit.MILLISECONDS)) {
                    break;
                }
                if (out.overflow) {
                    killedBy = "output limit (" + config.maxOutputBytes() + " bytes)";
                    break;
                }
                if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(limits.wallSeconds())) {
                    killedBy = "wall-time limit (" + limits.wallSeconds() + " s)";
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killedBy = "interrupted";
        }
        if (killedBy != null) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        try {
            p.waitFor(5, TimeUnit.SECONDS);
            out.join(2000);
            err.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long wall = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        int code = p.isAlive() ? -1 : p.exitValue();
        if (killedBy == null && code != 0 && group != null && group.memoryKills() > 0) {
            killedBy = "memory limit (" + limits.runMemoryMb() + " MB for all its processes)";
        }
        if (killedBy == null && (code == 128 + 9 || code == 128 + 24)) {
            killedBy = code == 128 + 24 ? "CPU-time limit (" + limits.cpuSeconds() + " s)" : "killed by a limit";
        }
        OpsMetrics.sandboxRun(killedBy, wall);
        return new Result(code, out.text(), err.text(), wall, killedBy);
    }

    private static void delete(Path dir) {
        // Read-only to the program; the server (its owner, or root) makes it writable again to remove it.
        dir.toFile().setWritable(true, true);
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temp directory; the OS cleans it eventually
        }
    }

    /** Reads a stream to a bounded buffer; past the cap it keeps reading (to let the process finish) but stores nothing. */
    private static final class Capture extends Thread {
        private final InputStream in;
        private final int max;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        volatile boolean overflow;

        Capture(InputStream in, int max) {
            this.in = in;
            this.max = max;
            setDaemon(true);
        }

        @Override
        public void run() {
            byte[] chunk = new byte[8192];
            try {
                int n;
                while ((n = in.read(chunk)) > 0) {
                    if (buffer.size() + n > max) {
                        buffer.write(chunk, 0, Math.max(0, max - buffer.size()));
                        overflow = true;
                        return;
                    }
                    buffer.write(chunk, 0, n);
                }
            } catch (IOException e) {
                // the process was killed
            }
        }

        String text() {
            return buffer.toString(StandardCharsets.UTF_8);
        }
    }
}
