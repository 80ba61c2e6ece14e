package ai.smartai.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Cold start of {@code ./smartai} (as the README runs it) to the first 200 on {@code /q/health/ready}, median of three,
 * on an existing data directory (an account and a task in it) and on a fresh one (every migration runs), and its RSS
 * after 50 signed-in page requests: with Java 17 and its class-data archive, and with Java 25 and its AOT cache when a
 * JDK 25 is installed (the first, untimed start trains the cache). Prints figures and the load average; asserts nothing
 * about them. {@code .ci/startup-time} measures the same from the shell, with more runs.
 */
class StartupBench {

    private static final Pattern JAVA_VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");
    private static final Duration TRAINING = Duration.ofMinutes(10);

    @Test
    void coldStartAndMemory() throws Exception {
        Map<String, String> javas = new LinkedHashMap<>();
        javas.put("Java 17 + AppCDS", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        jdk25().ifPresentOrElse(java -> javas.put("Java 25 + AOT cache", java.toString()),
                () -> System.out.println("BENCH no JDK 25 under /usr/lib/jvm: Java 17 only"));
        for (Map.Entry<String, String> java : javas.entrySet()) {
            coldStartAndMemory(java.getKey(), java.getValue());
        }
    }

    private static void coldStartAndMemory(String label, String java) throws Exception {
        Path root = AppProcess.repoRoot();
        Path data = Files.createTempDirectory("smartai-bench-");
        int port = AppProcess.freePort();
        String cookie;
        Process first = start(root, data, port, java);
        try {
            // The first start after a build trains the cache: on a loaded machine that alone takes minutes.
            awaitStatus(port, "/q/health/ready", null, 200, TRAINING);
            Http.postJson(uri(port, "/api/auth/register"),
                    "{\"username\":\"bench\",\"password\":\"bench-password-1\"}");
            String token = Http.field(Http.postJson(uri(port, "/api/auth/login"),
                    "{\"username\":\"bench\",\"password\":\"bench-password-1\"}").body(), "token");
            Http.postJson(uri(port, "/api/tasks"), "{\"name\":\"bench\"}", "Authorization", "Bearer " + token);
            cookie = "smartai_session=" + token;
        } finally {
            stop(first);
        }

        List<Long> existing = new ArrayList<>();
        List<Long> fresh = new ArrayList<>();
        long rss = 0;
        for (int run = 0; run < 3; run++) {
            long t0 = System.nanoTime();
            Process p = start(root, data, port, java);
            try {
                awaitStatus(port, "/q/health/ready", null, 200);
                existing.add(Duration.ofNanos(System.nanoTime() - t0).toMillis());
                awaitStatus(port, "/", cookie, 200);
                for (int i = 0; i < 50; i++) {
                    Http.get(uri(port, "/"), "Cookie", cookie);
                }
                rss = Math.max(rss, rssKb(p.pid()));
            } finally {
                stop(p);
            }
            t0 = System.nanoTime();
            p = start(root, Files.createTempDirectory("smartai-bench-fresh-"), port, java);
            try {
                awaitStatus(port, "/q/health/ready", null, 200);
                fresh.add(Duration.ofNanos(System.nanoTime() - t0).toMillis());
            } finally {
                stop(p);
            }
        }
        Collections.sort(existing);
        Collections.sort(fresh);
        System.out.printf("%nBENCH %s: start to ready, existing data dir: median %d ms (runs %s)%n", label,
                existing.get(1), existing);
        System.out.printf("BENCH %s: start to ready, fresh data dir   : median %d ms (runs %s)%n", label,
                fresh.get(1), fresh);
        System.out.printf("BENCH %s: RSS after 50 requests             : %d MB (load average %s)%n%n", label,
                rss / 1024, Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    /** An installed JDK 25 or later, found as ./smartai finds it (its release file). */
    private static Optional<Path> jdk25() throws Exception {
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            return jdks.filter(jdk -> Files.isExecutable(jdk.resolve("bin/java"))).filter(jdk -> {
                try {
                    Matcher v = JAVA_VERSION.matcher(Files.readString(jdk.resolve("release")));
                    return v.find() && Integer.parseInt(v.group(1)) >= 25;
                } catch (IOException noRelease) {
                    return false;
                }
            }).map(jdk -> jdk.resolve("bin/java")).sorted().findFirst();
        } catch (NoSuchFileException noJvmDirectory) {
            return Optional.empty();
        }
    }

    private static Process start(Path root, Path data, int port, String java) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(root.resolve("smartai").toString()).redirectErrorStream(true)
                .redirectOutput(data.resolve("bench.log").toFile());
        pb.environment().put("SMARTAI_JAVA", java);
        pb.environment().put("SMARTAI_PORT", Integer.toString(port));
        pb.environment().put("SMARTAI_DATA_DIR", data.toString());
        return pb.start();
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
        }
    }

    private static java.net.URI uri(int port, String path) {
        return java.net.URI.create("http://localhost:" + port + path);
    }

    private static void awaitStatus(int port, String path, String cookie, int status) throws Exception {
        awaitStatus(port, path, cookie, status, Duration.ofSeconds(120));
    }

    private static void awaitStatus(int port, String path, String cookie, int status, Duration limit)
            throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                var r = cookie == null ? Http.get(uri(port, path)) : Http.get(uri(port, path), "Cookie", cookie);
                if (r.statusCode() == status) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException(path + " never answered " + status);
    }

    private static long rssKb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        return -1;
    }
}
