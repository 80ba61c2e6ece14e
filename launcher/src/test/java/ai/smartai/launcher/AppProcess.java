package ai.smartai.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One of our built jars running as a child process, as an operator would start it. */
final class AppProcess implements AutoCloseable {

    final int port;
    /** Where /q/health answers: the backend app serves it on its management port, the others on their port. */
    final int healthPort;
    final Path log;
    private final Process process;

    private AppProcess(Process process, int port, int healthPort, Path log) {
        this.process = process;
        this.port = port;
        this.healthPort = healthPort;
        this.log = log;
    }

    /** {@code module} is relative to the repository root, e.g. "launcher" or "backend/app". */
    static AppProcess start(String module, Map<String, String> env, List<String> args) throws IOException {
        Path jar = repoRoot().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the whole reactor (./mvnw verify) first");
        }
        int port = freePort();
        Path log = Files.createTempFile(repoRoot().resolve("launcher/target"), module.replace('/', '-') + "-", ".log");
        List<String> command = new ArrayList<>(List.of(javaBin(), "-jar", jar.toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        int management = freePort();
        pb.environment().put("SMARTAI_PORT", Integer.toString(port));
        pb.environment().put("SMARTAI_MANAGEMENT_PORT", Integer.toString(management));
        pb.environment().putAll(env);
        return new AppProcess(pb.start(), port, module.equals("backend/app") ? management : port, log);
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** An address on the management port (health, metrics). */
    URI management(String path) {
        return URI.create("http://localhost:" + healthPort + path);
    }

    /** Waits for /q/health/ready; returns the time from now until it answered 200. */
    Duration awaitReady(Duration timeout) throws IOException, InterruptedException {
        return awaitStatus(URI.create("http://localhost:" + healthPort + "/q/health/ready"), 200, timeout);
    }

    Duration awaitStatus(String path, int status, Duration timeout) throws IOException, InterruptedException {
        return awaitStatus(uri(path), status, timeout);
    }

    private Duration awaitStatus(URI target, int status, Duration timeout) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("process exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(2))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == status) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(25);
        }
        throw new IllegalStateException(target + " did not answer " + status + " within " + timeout + ":\n" + tail());
    }

    /** SIGTERM, as Kubernetes or systemd would send; returns the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(45, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("did not stop within 45 s of SIGTERM:\n" + tail());
        }
        return process.exitValue();
    }

    /** For a command that ends by itself: its exit code, once it has. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("did not end within " + timeout + ":\n" + tail());
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines the server wrote, without the access log, which would push everything else out. */
    String tail() {
        List<String> lines = lines().stream().filter(l -> !l.contains("[io.quarkus.http.access-log]")).toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** Everything the server wrote. */
    String output() {
        return String.join("\n", lines());
    }

    private List<String> lines() {
        try {
            return Files.readAllLines(log);
        } catch (IOException e) {
            return List.of("(no log: " + e + ")");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    static Path repoRoot() {
        String root = System.getProperty("smartai.repo.root");
        Path p = root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
        return p.toAbsolutePath().normalize();
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
