package ai.smartai.backend.grading.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

/**
 * One cgroup per run, so that memory and processes are limited for all the run's processes together (RLIMIT_AS binds
 * each process alone: four children could each take the whole limit). Version 1 uses the memory and pids
 * hierarchies; version 2 a delegated directory with both controllers. Without a writable cgroup, runs fall back to
 * per-process limits (see docs/security.md).
 */
final class RunCgroups {

    private static final Logger LOG = Logger.getLogger(RunCgroups.class);
    private static final Path V1 = Path.of("/sys/fs/cgroup");
    private static final String PREFIX = "smartai-run-";
    /**
     * Puts the shell itself in each cgroup.procs named before {@code --}, then becomes the command, so every process
     * of the run starts inside the cgroups.
     */
    private static final String ENTER = "while [ \"$1\" != -- ]; do echo $$ > \"$1\" || exit 125; shift; done; shift; "
            + "exec \"$@\"";

    enum Mode {
        V1,
        V2,
        NONE
    }

    private static final ExecutorService CLEANER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sandbox-cgroup-cleaner");
        t.setDaemon(true);
        return t;
    });

    private final Mode mode;
    /** Where run cgroups are made: the memory and pids directories (v1), or one directory (v2). */
    private final List<Path> parents;
    private final String owner = PREFIX + ProcessHandle.current().pid() + "-";
    private final AtomicLong sequence = new AtomicLong();

    private RunCgroups(Mode mode, List<Path> parents) {
        this.mode = mode;
        this.parents = parents;
    }

    static RunCgroups none() {
        return new RunCgroups(Mode.NONE, List.of());
    }

    /** Finds a writable cgroup hierarchy (v1, else a delegated v2 directory) and says which mode is active, once. */
    static RunCgroups detect(boolean enabled, Optional<String> v2Parent) {
        RunCgroups found = none();
        if (!enabled) {
            LOG.info("Sandbox memory: cgroups turned off (smartai.sandbox.cgroups=false); limits are per process");
            return found;
        }
        try {
            found = v1().or(() -> v2(v2Parent)).orElse(found);
        } catch (RuntimeException e) {
            LOG.debugf(e, "cgroup detection failed");
        }
        if (found.mode == Mode.NONE) {
            LOG.warn("Sandbox memory: no writable cgroup (v1 memory+pids, or a delegated v2 directory): memory is "
                    + "limited per process and the process count is kept small instead (docs/security.md)");
        } else {
            LOG.infof("Sandbox memory: one cgroup %s per run under %s, limiting all of a run's processes together",
                    found.mode, found.parents);
            found.removeStale();
        }
        return found;
    }

    private static Optional<RunCgroups> v1() {
        Path memory = V1.resolve("memory");
        Path pids = V1.resolve("pids");
        if (!Files.exists(memory.resolve("memory.limit_in_bytes")) || !Files.exists(pids.resolve("cgroup.procs"))) {
            return Optional.empty();
        }
        RunCgroups c = new RunCgroups(Mode.V1, List.of(memory.resolve("smartai"), pids.resolve("smartai")));
        return c.works() ? Optional.of(c) : Optional.empty();
    }

    /**
     * A v2 directory where this process may create children with the memory and pids controllers: the configured
     * one, else our own cgroup. Controllers can be enabled for children only in a cgroup without processes, so when
     * that is our own cgroup the server first moves itself into a leaf beside the runs.
     */
    private static Optional<RunCgroups> v2(Optional<String> configured) {
        Optional<Path> mount = v2Mount();
        if (mount.isEmpty()) {
            return Optional.empty();
        }
        Path parent;
        if (configured.isPresent()) {
            parent = Path.of(configured.get());
        } else {
            Optional<String> own = ownV2Cgroup();
            if (own.isEmpty()) {
                return Optional.empty();
            }
            parent = mount.get().resolve(own.get().replaceFirst("^/", ""));
        }
        try {
            String available = Files.readString(parent.resolve("cgroup.controllers"));
            if (!available.contains("memory") || !available.contains("pids") || !Files.isWritable(parent)) {
                return Optional.empty();
            }
            if (!Files.readString(parent.resolve("cgroup.subtree_control")).contains("memory")) {
                if (!Files.readString(parent.resolve("cgroup.procs")).isBlank()) {
                    Path leaf = Files.createDirectories(parent.resolve("smartai-server"));
                    Files.writeString(leaf.resolve("cgroup.procs"), Long.toString(ProcessHandle.current().pid()));
                }
                Files.writeString(parent.resolve("cgroup.subtree_control"), "+memory +pids");
            }
        } catch (IOException | RuntimeException e) {
            LOG.debugf(e, "cgroup v2 directory %s is not usable", parent);
            return Optional.empty();
        }
        RunCgroups c = new RunCgroups(Mode.V2, List.of(parent));
        return c.works() ? Optional.of(c) : Optional.empty();
    }

    private static Optional<Path> v2Mount() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/mountinfo"))) {
            // fields: id parent major:minor root mountpoint options ... - fstype source superoptions
            return lines.filter(l -> l.contains(" - cgroup2 ")).map(l -> Path.of(l.split(" ")[4])).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> ownV2Cgroup() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/cgroup"))) {
            return lines.filter(l -> l.startsWith("0::")).map(l -> l.substring(3)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Creates and removes one run cgroup: the directories exist, are writable and take a limit. */
    private boolean works() {
        try {
            for (Path p : parents) {
                Files.createDirectories(p);
            }
            create(16 << 20, 8).close();
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.debugf(e, "cgroups under %s are not usable", parents);
            return false;
        }
    }

    Mode mode() {
        return mode;
    }

    boolean active() {
        return mode != Mode.NONE;
    }

    /** The cgroup directories this server has now (a run's are removed when it ends). */
    List<Path> existing() throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : parents) {
            try (Stream<Path> s = Files.list(p)) {
                s.filter(d -> d.getFileName().toString().startsWith(owner)).forEach(out::add);
            }
        }
        return out;
    }

    /** A new cgroup with these limits; the caller runs {@link Run#wrap} and closes it when the run is over. */
    Run create(long memoryBytes, int processes) throws IOException {
        String name = owner + sequence.incrementAndGet();
        List<Path> dirs = new ArrayList<>();
        Run run = new Run(dirs);
        try {
            for (Path parent : parents) {
                dirs.add(Files.createDirectory(parent.resolve(name)));
            }
            if (mode == Mode.V1) {
                Path memory = dirs.get(0);
                write(memory.resolve("memory.limit_in_bytes"), memoryBytes);
                if (Files.exists(memory.resolve("memory.memsw.limit_in_bytes"))) {
                    // memory plus swap: without this the run could swap its way past the limit
                    write(memory.resolve("memory.memsw.limit_in_bytes"), memoryBytes);
                }
                write(dirs.get(1).resolve("pids.max"), processes);
            } else {
                Path dir = dirs.get(0);
                write(dir.resolve("memory.max"), memoryBytes);
                if (Files.exists(dir.resolve("memory.swap.max"))) {
                    write(dir.resolve("memory.swap.max"), 0);
                }
                write(dir.resolve("pids.max"), processes);
            }
            return run;
        } catch (IOException | RuntimeException e) {
            run.close();
            throw e;
        }
    }

    private static void write(Path file, long value) throws IOException {
        Files.writeString(file, Long.toString(value), StandardCharsets.US_ASCII);
    }

    /** Run cgroups of a server that is gone (a crash leaves them): their processes are killed and they are removed. */
    private void removeStale() {
        for (Path parent : parents) {
            try (Stream<Path> s = Files.list(parent)) {
                s.filter(d -> d.getFileName().toString().startsWith(PREFIX) && !ownerAlive(d)).forEach(d -> {
                    new Run(new ArrayList<>(List.of(d))).close();
                    LOG.infof("Removed the cgroup %s of a server that has stopped", d);
                });
            } catch (IOException e) {
                LOG.debugf(e, "could not list %s", parent);
            }
        }
    }

    private static boolean ownerAlive(Path dir) {
        String[] parts = dir.getFileName().toString().substring(PREFIX.length()).split("-");
        try {
            return ProcessHandle.of(Long.parseLong(parts[0])).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** One run's cgroup directories. */
    static final class Run implements AutoCloseable {
        private final List<Path> dirs;

        private Run(List<Path> dirs) {
            this.dirs = dirs;
        }

        /** The command, started inside this run's cgroups. */
        List<String> wrap(List<String> command) {
            List<String> out = new ArrayList<>(List.of("/bin/sh", "-c", ENTER, "sh"));
            dirs.forEach(d -> out.add(d.resolve("cgroup.procs").toString()));
            out.add("--");
            out.addAll(command);
            return out;
        }

        /** How many processes of the run the kernel killed for going over the memory limit. */
        long memoryKills() {
            for (Path d : dirs) {
                for (String file : List.of("memory.oom_control", "memory.events")) {
                    try {
                        for (String line : Files.readAllLines(d.resolve(file))) {
                            if (line.startsWith("oom_kill ")) {
                                return Long.parseLong(line.substring(9).strip());
                            }
                        }
                    } catch (IOException | NumberFormatException e) {
                        // not this controller's directory
                    }
                }
            }
            return 0;
        }

        /**
         * Kills whatever the run left behind and removes its cgroups. The kernel frees a cgroup only once its last
         * process has gone, a little after the kill: the removal then finishes in the background, so the grading
         * thread does not wait for it.
         */
        @Override
        public void close() {
            if (!attempt()) {
                CLEANER.execute(() -> {
                    for (int i = 0; i < 200 && !attempt(); i++) {
                        try {
                            Thread.sleep(10);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            break;
                        }
                    }
                    if (!dirs.isEmpty()) {
                        LOG.warnf("Could not remove the sandbox cgroups %s; they are retried when the server starts",
                                dirs);
                    }
                });
            }
        }

        /** Kills the cgroups' processes and removes the empty ones; whether all are gone. */
        private synchronized boolean attempt() {
            dirs.forEach(Run::killAll);
            dirs.removeIf(d -> {
                try {
                    Files.deleteIfExists(d);
                    return true;
                } catch (IOException e) {
                    return false;
                }
            });
            return dirs.isEmpty();
        }

        private static void killAll(Path dir) {
            try {
                for (String pid : Files.readAllLines(dir.resolve("cgroup.procs"))) {
                    if (!pid.isBlank()) {
                        ProcessHandle.of(Long.parseLong(pid.strip())).ifPresent(ProcessHandle::destroyForcibly);
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // already gone
            }
        }
    }
}
