package ai.smartai.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * The backups of docs/deployment.md, done as an operator would. An admin backs up the running server
 * ({@code POST /api/admin/backup}; the command line refuses while the server holds the database), the data
 * directory is deleted, {@code smartai restore} unpacks the archive into an empty one, and the tasks, the grades and
 * the teachers' provider keys (which only the archived master key decrypts) come back. A database restored without
 * its master key keeps everything but the provider keys, and says so.
 */
class BackupRestoreIT {

    static final String KEY = "sk-backup-4242-secret";

    @Test
    void anOnlineBackupRestoredFromTheCommandLineBringsBackTasksGradesAndProviderKeys() throws Exception {
        List<String> authorizations = new CopyOnWriteArrayList<>();
        HttpServer provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/v1/chat/completions", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] body = ("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"m\","
                    + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},"
                    + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,"
                    + "\"total_tokens\":2}}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        provider.start();
        try {
            String baseUrl = "http://127.0.0.1:" + provider.getAddress().getPort() + "/v1";
            Path data = Files.createTempDirectory("smartai-backup-");
            Path archive = Files.createTempDirectory("smartai-archive-").resolve("backup.zip");
            String taskId;
            String providerId;
            List<String> gradesBefore;
            try (AppProcess first = AppProcess.start("launcher", env(data), List.of())) {
                first.awaitReady(Duration.ofSeconds(90));
                assertThat(Http.postJson(first.uri("/api/auth/register"),
                        "{\"username\":\"backup-admin\",\"password\":\"backup-password-1\"}").statusCode())
                        .isEqualTo(201);
                String token = login(first);
                taskId = Http.field(Http.postJson(first.uri("/api/tasks"), "{\"name\":\"备份 backup\"}",
                        "Authorization", "Bearer " + token).body(), "id");
                var created = Http.postJson(first.uri("/api/providers"), "{\"kind\":\"openai\",\"baseUrl\":\""
                        + baseUrl + "\",\"apiKey\":\"" + KEY + "\",\"model\":\"m\"}", "Authorization",
                        "Bearer " + token);
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                providerId = Http.field(created.body(), "id");
                gradesBefore = gradeOneChoiceProblem(first, token, taskId);
                assertThat(gradesBefore).hasSize(2).anyMatch(g -> g.endsWith("/5.0")).anyMatch(g -> g.endsWith("/0.0"));

                var backup = Http.postJson(first.uri("/api/admin/backup"), "{}", "Authorization", "Bearer " + token);
                assertThat(backup.statusCode()).as(backup.body()).isEqualTo(200);
                assertThat(backup.body()).contains("\"masterKeyIncluded\":true");
                Files.copy(Path.of(Http.field(backup.body(), "file")), archive);

                try (AppProcess cli = AppProcess.start("launcher", env(data), List.of("backup"))) {
                    assertThat(cli.awaitExit(Duration.ofSeconds(60))).as(cli.output()).isEqualTo(1);
                    assertThat(cli.output()).contains("is in use: SmarTAI is running");
                }
                assertThat(first.stop()).isIn(0, 143);
            }
            delete(data);

            Path restored = Files.createTempDirectory("smartai-restored-");
            try (AppProcess cli = AppProcess.start("launcher", env(restored), List.of("restore", archive.toString()))) {
                assertThat(cli.awaitExit(Duration.ofSeconds(60))).as(cli.output()).isZero();
                assertThat(cli.output()).contains("Restored").contains(restored.toString());
            }
            try (AppProcess again = AppProcess.start("launcher", env(restored),
                    List.of("restore", archive.toString()))) {
                assertThat(again.awaitExit(Duration.ofSeconds(60))).as("never over existing data").isEqualTo(1);
                assertThat(again.output()).contains("already holds").contains("nothing was changed");
            }
            try (AppProcess second = AppProcess.start("launcher", env(restored), List.of())) {
                second.awaitReady(Duration.ofSeconds(90));
                String token = login(second);
                var task = Http.get(second.uri("/api/tasks/" + taskId), "Authorization", "Bearer " + token);
                assertThat(task.statusCode()).isEqualTo(200);
                assertThat(task.body()).contains("备份 backup");
                assertThat(grades(second, token, taskId)).isEqualTo(gradesBefore);
                var test = Http.postJson(second.uri("/api/providers/" + providerId + "/test"), "{}",
                        "Authorization", "Bearer " + token);
                assertThat(test.statusCode()).as(test.body()).isEqualTo(200);
                assertThat(test.body()).as(test.body()).contains("\"ok\":true");
                assertThat(authorizations).as("the key the restored server decrypted").contains("Bearer " + KEY);
            }
            Path offline = restored.resolve("offline.zip");
            try (AppProcess cli = AppProcess.start("launcher", env(restored), List.of("backup", "--out",
                    offline.toString()))) {
                assertThat(cli.awaitExit(Duration.ofSeconds(60))).as(cli.output()).isZero();
            }
            assertThat(offline).isRegularFile();

            // Without its master key the database still holds every task, and the teacher is told to enter the
            // provider's key again (no 500, no guess).
            Path keyless = Files.createTempDirectory("smartai-keyless-");
            copy(restored.resolve("db"), keyless.resolve("db"));
            try (AppProcess third = AppProcess.start("launcher", env(keyless), List.of())) {
                third.awaitReady(Duration.ofSeconds(90));
                String token = login(third);
                assertThat(Http.get(third.uri("/api/tasks/" + taskId), "Authorization", "Bearer " + token)
                        .statusCode()).isEqualTo(200);
                var test = Http.postJson(third.uri("/api/providers/" + providerId + "/test"), "{}",
                        "Authorization", "Bearer " + token);
                assertThat(test.statusCode()).as(test.body()).isEqualTo(200);
                assertThat(test.body()).contains("\"ok\":false").contains("master key").doesNotContain(KEY);
            }
        } finally {
            provider.stop(0);
        }
    }

    /** One multiple-choice problem, its key and two students, graded: returns each grade as student/problem/score. */
    private static List<String> gradeOneChoiceProblem(AppProcess app, String token, String task) throws Exception {
        CrashResumeIT.upload(app, token, task, "problems", "problems.md",
                "## 1. (5分) 哪种数据结构是先进先出的？\n\nA. 栈\n\nB. 队列\n\nC. 树\n\nD. 图\n"
                        .getBytes(StandardCharsets.UTF_8));
        CrashResumeIT.upload(app, token, task, "answer-key", "answer-key.md", "## 1.\n\nB\n"
                .getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            for (String[] s : List.of(new String[] { "2025001", "张三", "B" }, new String[] { "2025002", "李四", "A" })) {
                out.putNextEntry(new ZipEntry(s[0] + "_hw.md"));
                out.write(("# " + s[0] + " " + s[1] + "\n\n## 1.\n" + s[2] + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        CrashResumeIT.upload(app, token, task, "submissions", "class.zip", zip.toByteArray());
        CrashResumeIT.awaitJob(app, token, Http.field(Http.postJson(app.uri("/api/tasks/" + task + "/grading"), "{}",
                "Authorization", "Bearer " + token).body(), "jobId"), Duration.ofSeconds(60));
        return grades(app, token, task);
    }

    private static List<String> grades(AppProcess app, String token, String task) throws Exception {
        return CrashResumeIT.grades(app, token, task).stream()
                .map(g -> g.get("studentId") + "/" + g.get("problemId") + "/" + g.get("score")).sorted().toList();
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        assertThat(dir).doesNotExist();
    }

    private static Map<String, String> env(Path data) {
        return Map.of("SMARTAI_DATA_DIR", data.toString(), "SMARTAI_LLM_ALLOWED_HOSTS", "127.0.0.1");
    }

    /** Copies a file or a directory tree, keeping owner-only modes (the server refuses a more open master key). */
    private static void copy(Path from, Path to) throws IOException {
        if (!Files.exists(from)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static String login(AppProcess app) throws Exception {
        var r = Http.postJson(app.uri("/api/auth/login"),
                "{\"username\":\"backup-admin\",\"password\":\"backup-password-1\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Http.field(r.body(), "token");
    }
}
