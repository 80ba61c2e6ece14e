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

                // The whole teacher flow through the frontend's pages, which reach the backend over HTTP only.
                String session = Http.sessionCookie(login);
                Path demo = AppProcess.repoRoot().resolve("samples/demo-hw");
                for (String[] upload : new String[][] { { "problems", "problems.md" },
                        { "answer-key", "answer-key.md" }, { "submissions", "students.zip" } }) {
                    var sent = Http.postFile(frontend.uri("/tasks/" + id + "/upload/" + upload[0]),
                            demo.resolve(upload[1]), "Cookie", session);
                    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
                    awaitIdle(frontend, id, session);
                }
                var graded = Http.postForm(frontend.uri("/tasks/" + id + "/grade"), Map.of(), "Cookie", session);
                assertThat(graded.statusCode()).isEqualTo(303);
                awaitIdle(frontend, id, session);
                String results = Http.get(frontend.uri("/tasks/" + id), "Cookie", session).body();
                assertThat(results).contains("id=\"results\"").contains("data-student-id=\"2023008\"");
                assertThat(Http.get(frontend.uri("/tasks/" + id + "/students/2023008"), "Cookie", session).body())
                        .contains("choice-key");
                assertThat(Http.get(frontend.uri("/tasks/" + id + "/problems/q1"), "Cookie", session).body())
                        .contains("<code>C</code>");
                var png = Http.getBytes(frontend.uri("/tasks/" + id + "/charts/histogram.png"), "Cookie", session);
                assertThat(png.statusCode()).isEqualTo(200);
                assertThat(png.body()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
                var csv = Http.get(frontend.uri("/tasks/" + id + "/grades.csv"), "Cookie", session);
                assertThat(csv.body()).contains("2023008,孙强,");

                assertThat(frontend.stop()).isIn(0, 143);
            }
            assertThat(backend.stop()).isIn(0, 143);
        }
    }

    /** Polls the job JSON the progress bar uses, through the frontend, until no job is queued or running. */
    static void awaitIdle(AppProcess frontend, String task, String session) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            String page = Http.get(frontend.uri("/tasks/" + task), "Cookie", session).body();
            int at = page.indexOf("data-job=\"");
            if (at < 0) {
                return;
            }
            String job = page.substring(at + 10, page.indexOf('"', at + 10));
            String status = Http.field(Http.get(frontend.uri("/jobs/" + job + ".json"), "Cookie", session).body(),
                    "status");
            if (!status.equals("queued") && !status.equals("running")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the job did not finish in split mode");
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
