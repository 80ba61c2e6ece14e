package ai.smartai.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** What a teacher stored survives a restart of the launcher on the same data directory. */
class RestartIT {

    @Test
    void tasksSurviveARestart() throws Exception {
        Path data = Files.createTempDirectory("smartai-restart-");
        Map<String, String> env = Map.of("SMARTAI_DATA_DIR", data.toString());
        String id;
        try (AppProcess first = AppProcess.start("launcher", env, List.of())) {
            first.awaitReady(Duration.ofSeconds(90));
            assertThat(Http.postJson(first.uri("/api/auth/register"),
                    "{\"username\":\"restart-admin\",\"password\":\"restart-password-1\"}").statusCode())
                    .isEqualTo(201);
            String token = login(first);
            var created = Http.postJson(first.uri("/api/tasks"), "{\"name\":\"Survives 重启\"}",
                    "Authorization", "Bearer " + token);
            assertThat(created.statusCode()).isEqualTo(201);
            id = Http.field(created.body(), "id");
            // SIGTERM: a graceful stop with exit status 0 (or 143 where the JVM reports the signal).
            assertThat(first.stop()).isIn(0, 143);
            assertThat(first.tail()).contains("stopped in");
        }
        assertThat(data.resolve("db")).isDirectory();

        try (AppProcess second = AppProcess.start("launcher", env, List.of())) {
            second.awaitReady(Duration.ofSeconds(90));
            String token = login(second);
            var task = Http.get(second.uri("/api/tasks/" + id), "Authorization", "Bearer " + token);
            assertThat(task.statusCode()).isEqualTo(200);
            assertThat(task.body()).contains("Survives 重启");
        }
    }

    private static String login(AppProcess app) throws Exception {
        var r = Http.postJson(app.uri("/api/auth/login"),
                "{\"username\":\"restart-admin\",\"password\":\"restart-password-1\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Http.field(r.body(), "token");
    }
}
