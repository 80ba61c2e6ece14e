package ai.smartai.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The two deployables of the Kubernetes layout: the backend jar alone, and the frontend jar pointed at it by
 * SMARTAI_BACKEND_URL. A task created on the backend shows on the frontend's page.
 */
class SplitModeIT {

    @Test
    void frontendShowsWhatTheBackendStores() throws Exception {
        Path data = Files.createTempDirectory("smartai-split-");
        try (AppProcess backend = AppProcess.start("backend/app", Map.of("SMARTAI_DATA_DIR", data.toString()),
                List.of())) {
            backend.awaitReady(Duration.ofSeconds(90));
            try (AppProcess frontend = AppProcess.start("frontend/app",
                    Map.of("SMARTAI_BACKEND_URL", "http://localhost:" + backend.port), List.of())) {
                frontend.awaitReady(Duration.ofSeconds(90));

                // The frontend alone serves no API, and the backend alone no pages.
                assertThat(Http.get(frontend.uri("/api/tasks")).statusCode()).isEqualTo(404);
                assertThat(Http.get(backend.uri("/login"), "Accept", "text/html").statusCode()).isEqualTo(404);

                // First run through the frontend: it creates the admin on the backend.
                var setup = Http.postForm(frontend.uri("/setup"), Map.of("username", "split-admin", "displayName",
                        "Split Admin", "password", "split-password-1", "confirm", "split-password-1"));
                assertThat(setup.statusCode()).as(frontend.tail()).isEqualTo(303);

                String token = Http.field(Http.postJson(backend.uri("/api/auth/login"),
                        "{\"username\":\"split-admin\",\"password\":\"split-password-1\"}").body(), "token");
                var created = Http.postJson(backend.uri("/api/tasks"), "{\"name\":\"Split 作业 3\"}",
                        "Authorization", "Bearer " + token);
                assertThat(created.statusCode()).isEqualTo(201);
                String id = Http.field(created.body(), "id");

                var login = Http.postForm(frontend.uri("/login"),
                        Map.of("username", "split-admin", "password", "split-password-1"));
                assertThat(login.statusCode()).isEqualTo(303);
                var page = Http.get(frontend.uri("/"), "Cookie", Http.sessionCookie(login));
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body()).contains("Split 作业 3").contains("/tasks/" + id).contains("Split Admin");

                assertThat(frontend.stop()).isIn(0, 143);
            }
            assertThat(backend.stop()).isIn(0, 143);
        }
    }

    @Test
    void frontendExplainsAnUnreachableBackend() throws Exception {
        int nobody = AppProcess.freePort();
        try (AppProcess frontend = AppProcess.start("frontend/app",
                Map.of("SMARTAI_BACKEND_URL", "http://localhost:" + nobody), List.of())) {
            frontend.awaitStatus("/q/health/live", 200, Duration.ofSeconds(90));
            var page = Http.get(frontend.uri("/login"), "Accept", "text/html");
            assertThat(page.statusCode()).isEqualTo(502);
            assertThat(page.body()).contains("cannot be reached");
        }
    }
}
