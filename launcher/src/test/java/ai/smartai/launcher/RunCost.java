package ai.smartai.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a stretch of a benchmark cost each part of the system, read from Linux and PostgreSQL rather than from the
 * application: the CPU time of each replica's process tree (the JVM with its sandbox runs and CAS worker processes),
 * of the broker's process, of the PostgreSQL backends serving one database, and PostgreSQL's own account of that
 * database (time spent executing statements, commits, rows written). Linux only; a part that cannot be read counts 0.
 */
record RunCost(long nanos, long replicaTicks, long brokerTicks, long pgTicks, double dbActiveMs, long commits,
        long rowsWritten) {

    /** Clock ticks a second of /proc's CPU times (USER_HZ): 100 on every Linux this runs on. */
    static final double HZ = 100;

    static RunCost sample(List<AppProcess> replicas, String database) throws SQLException {
        Map<Long, Stat> procs = processes();
        long replicaTicks = 0;
        for (AppProcess r : replicas) {
            if (r.isAlive()) {
                replicaTicks += tree(procs, r.pid());
            }
        }
        long broker = procs.values().stream().filter(p -> p.comm.equals("beam.smp"))
                .mapToLong(p -> tree(procs, p.pid)).sum();
        long pg = procs.values().stream().filter(p -> p.comm.equals("postgres"))
                .filter(p -> cmdline(p.pid).contains(" " + database + " ")).mapToLong(Stat::own).sum();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres",
                null);
                PreparedStatement s = c.prepareStatement("SELECT active_time, xact_commit, tup_inserted + "
                        + "tup_updated + tup_deleted FROM pg_stat_database WHERE datname = ?")) {
            s.setString(1, database);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new RunCost(System.nanoTime(), replicaTicks, broker, pg, rs.getDouble(1), rs.getLong(2),
                        rs.getLong(3));
            }
        }
    }

    /**
     * A run's costs per answer, as one line, less what the same system costs idle for as long (heartbeats, the job
     * owner's progress reads, announcements, other users of the broker): process CPU from {@code start} to
     * {@code end}; PostgreSQL's figures from {@code start} to {@code flushed}, a sample taken once its backends had
     * reported what they did until {@code end}.
     */
    static String perAnswer(int answers, RunCost idleFrom, RunCost idleTo, RunCost start, RunCost end,
            RunCost flushed) {
        double idle = (idleTo.nanos - idleFrom.nanos) / 1e9;
        double seconds = (end.nanos - start.nanos) / 1e9;
        double pgSeconds = (flushed.nanos - start.nanos) / 1e9;
        double replicas = busy(end.replicaTicks - start.replicaTicks, idleTo.replicaTicks - idleFrom.replicaTicks,
                seconds / idle);
        double broker = busy(end.brokerTicks - start.brokerTicks, idleTo.brokerTicks - idleFrom.brokerTicks,
                seconds / idle);
        double pg = busy(end.pgTicks - start.pgTicks, idleTo.pgTicks - idleFrom.pgTicks, seconds / idle);
        double active = busy(flushed.dbActiveMs - start.dbActiveMs, idleTo.dbActiveMs - idleFrom.dbActiveMs,
                pgSeconds / idle);
        double commits = busy(flushed.commits - start.commits, idleTo.commits - idleFrom.commits, pgSeconds / idle);
        double rows = busy(flushed.rowsWritten - start.rowsWritten, idleTo.rowsWritten - idleFrom.rowsWritten,
                pgSeconds / idle);
        int cores = Runtime.getRuntime().availableProcessors();
        return String.format("%d answers in %.1f s = %.2f answers/s; per answer, beyond idle: replicas' CPU %.1f ms, "
                + "PostgreSQL executing %.2f ms in %.1f commits, %.1f rows written (its backends' CPU %.2f ms), "
                + "broker CPU %.2f ms; idle, a second: replicas' CPU %.0f ms, %.1f commits, broker CPU %.1f ms; "
                + "these parts used %.0f %% of the %d cores", answers, seconds, answers / seconds,
                replicas / HZ * 1000 / answers, active / answers, commits / answers, rows / answers,
                pg / HZ * 1000 / answers, broker / HZ * 1000 / answers,
                (idleTo.replicaTicks - idleFrom.replicaTicks) / HZ * 1000 / idle,
                (idleTo.commits - idleFrom.commits) / idle, (idleTo.brokerTicks - idleFrom.brokerTicks) / HZ * 1000
                        / idle,
                100 * (end.replicaTicks - start.replicaTicks + end.pgTicks - start.pgTicks + end.brokerTicks
                        - start.brokerTicks) / HZ / seconds / cores,
                cores);
    }

    /** A counter's increase less its idle increase scaled to the same time. */
    private static double busy(double increase, double idleIncrease, double scale) {
        return increase - idleIncrease * scale;
    }

    /** The 1-, 5- and 15-minute load averages. */
    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private record Stat(long pid, String comm, long ppid, long own, long children) {
    }

    private static long tree(Map<Long, Stat> procs, long root) {
        long sum = 0;
        for (Stat p : procs.values()) {
            if (descends(procs, p, root)) {
                sum += p.own + p.children;
            }
        }
        return sum;
    }

    private static boolean descends(Map<Long, Stat> procs, Stat p, long root) {
        for (Stat at = p; at != null; at = procs.get(at.ppid)) {
            if (at.pid == root) {
                return true;
            }
        }
        return false;
    }

    private static Map<Long, Stat> processes() {
        Map<Long, Stat> procs = new HashMap<>();
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> all = Files.list(Path.of("/proc"))) {
            all.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(dirs::add);
        } catch (IOException e) {
            return procs;
        }
        for (Path d : dirs) {
            try {
                String stat = Files.readString(d.resolve("stat"));
                // pid (comm) state ppid … utime(14) stime(15) cutime(16) cstime(17); comm may hold spaces.
                String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long pid = Long.parseLong(d.getFileName().toString());
                procs.put(pid, new Stat(pid, comm, Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12]),
                        Long.parseLong(f[13]) + Long.parseLong(f[14])));
            } catch (IOException | RuntimeException gone) {
                // the process ended while we listed
            }
        }
        return procs;
    }

    private static String cmdline(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
