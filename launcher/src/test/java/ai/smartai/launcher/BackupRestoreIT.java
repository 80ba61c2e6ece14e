package ai.smartai.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * The backup of docs/deployment.md, done as an operator would: stop, copy {@code db}, {@code master.key} and
 * {@code uploads} into an empty directory, start there. The tasks come back, and so do the teachers' provider keys,
 * which only the copied master key can decrypt.
 */
class BackupRestoreIT {

    static final String KEY = "sk-backup-4242-secret";

    @Test
    void aColdCopyOfTheDatabaseAndMasterKeyRestoresTasksAndProviderKeys() throws Exception {
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
            String taskId;
            String providerId;
            try (AppProcess first = AppProcess.start("launcher", env(data), List.of())) {
                first.awaitReady(Duration.ofSeconds(90));
                assertThat(Http.postJson(first.uri("/api/auth/register"),
                        "{\"username\":\"backup-admin\",\"password\":\"backup-password-1\"}").statusCode())
                        .isEqualTo(201);
                String token = login(first);
                taskId = Http.field(Http.postJson(first.uri("/api/tasks"), "{\"name\":\"备份 backup\"}",
                        "Authorization", "Bearer " + token).body(), "id");
                var created = Http.postJson(first.uri("/api/providers"), "{\"kind\":\"openai\",\"baseUrl\":\""
                        + baseUrl + "\",\"apiKey\":\"" + KEY + "\",\"model\":\"m\"}", "Authorization", "Bearer " + token);
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                providerId = Http.field(created.body(), "id");
                assertThat(first.stop()).isIn(0, 143);
            }

            Path restored = Files.createTempDirectory("smartai-restored-");
            for (String part : List.of("db", "master.key", "uploads")) {
                copy(data.resolve(part), restored.resolve(part));
            }
            try (AppProcess second = AppProcess.start("launcher", env(restored), List.of())) {
                second.awaitReady(Duration.ofSeconds(90));
                String token = login(second);
                var task = Http.get(second.uri("/api/tasks/" + taskId), "Authorization", "Bearer " + token);
                assertThat(task.statusCode()).isEqualTo(200);
                assertThat(task.body()).contains("备份 backup");
                var test = Http.postJson(second.uri("/api/providers/" + providerId + "/test"), "{}",
                        "Authorization", "Bearer " + token);
                assertThat(test.statusCode()).as(test.body()).isEqualTo(200);
                assertThat(test.body()).as(test.body()).contains("\"ok\":true");
                assertThat(authorizations).as("the key the restored server decrypted").contains("Bearer " + KEY);
            }

            // Without its master key the database still holds every task, and the teacher is told to enter the
            // provider's key again (no 500, no guess).
            Path keyless = Files.createTempDirectory("smartai-keyless-");
            copy(data.resolve("db"), keyless.resolve("db"));
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
