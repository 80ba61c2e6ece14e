package ai.smartai.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * kill -9 in the middle of grading, then a restart on the same data directory: the job resumes from the units not yet
 * stored, nothing finished is recomputed, and no grade is lost or duplicated.
 */
class CrashResumeIT {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    static final int STUDENTS = 40;
    /** The problems tools grade fastest (choice, CAS): 160 answers, enough to be killed mid-run on any machine. */
    static final String SCOPE = "{\"scope\":{\"problemIds\":[\"q1\",\"q2\",\"q3\",\"q4\"]}}";
    static final int ANSWERS = STUDENTS * 4;

    @Test
    void resumesGradingAfterCrash() throws Exception {
        Path data = Files.createTempDirectory("smartai-crash-");
        Map<String, String> env = Map.of("SMARTAI_DATA_DIR", data.toString());
        Path demo = AppProcess.repoRoot().resolve("samples/demo-hw");
        String task;
        String jobId;
        Map<String, String> gradedBefore = new HashMap<>();
        try (AppProcess first = AppProcess.start("launcher", env, List.of())) {
            first.awaitReady(Duration.ofSeconds(90));
            Http.postJson(first.uri("/api/auth/register"),
                    "{\"username\":\"crash\",\"password\":\"crash-password-1\"}");
            String token = login(first);
            task = Http.field(Http.postJson(first.uri("/api/tasks"), "{\"name\":\"crash\"}", "Authorization",
                    "Bearer " + token).body(), "id");
            upload(first, token, task, "problems", "problems.md", Files.readAllBytes(demo.resolve("problems.md")));
            upload(first, token, task, "answer-key", "answer-key.md",
                    Files.readAllBytes(demo.resolve("answer-key.md")));
            upload(first, token, task, "submissions", "class.zip", classArchive(demo));

            jobId = Http.field(Http.postJson(first.uri("/api/tasks/" + task + "/grading"), SCOPE, "Authorization",
                    "Bearer " + token).body(), "jobId");
            Map<String, Object> job;
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            do {
                Thread.sleep(200);
                job = get(first, token, "/api/jobs/" + jobId, new TypeReference<>() {
                });
            } while ((Integer) job.get("done") < ANSWERS / 4 && System.nanoTime() < deadline);
            assertThat((Integer) job.get("done")).as("grading must still be running when it is killed")
                    .isLessThan((Integer) job.get("total"));
            for (Map<String, Object> g : grades(first, token, task)) {
                gradedBefore.put(g.get("studentId") + "/" + g.get("problemId"), (String) g.get("gradedAt"));
            }
            first.kill();
        }
        assertThat(gradedBefore).isNotEmpty();

        try (AppProcess second = AppProcess.start("launcher", env, List.of())) {
            second.awaitReady(Duration.ofSeconds(90));
            String token = login(second);
            Map<String, Object> job;
            long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
            do {
                Thread.sleep(500);
                job = get(second, token, "/api/jobs/" + jobId, new TypeReference<>() {
                });
            } while (!"succeeded".equals(job.get("status")) && System.nanoTime() < deadline);
            assertThat(job.get("status")).as(second.tail()).isEqualTo("succeeded");
            List<Map<String, Object>> grades = grades(second, token, task);
            assertThat(grades).hasSize(ANSWERS);
            assertThat(grades.stream().map(g -> g.get("studentId") + "/" + g.get("problemId")).distinct().count())
                    .isEqualTo(ANSWERS);
            for (Map<String, Object> g : grades) {
                String before = gradedBefore.get(g.get("studentId") + "/" + g.get("problemId"));
                if (before != null) {
                    assertThat(g.get("gradedAt")).as("a unit finished before the crash was recomputed")
                            .isEqualTo(before);
                }
            }
            assertThat(second.output()).contains("Resuming 1 job(s)");
        }
    }

    /** Students made from the demo answers, each made unique so no grade comes from the cache. */
    static byte[] classArchive(Path demo) throws Exception {
        return classArchive(demo, STUDENTS);
    }

    static byte[] classArchive(Path demo, int students) throws Exception {
        List<Path> sheets;
        try (var files = Files.list(demo.resolve("students"))) {
            sheets = files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        String salt = UUID.randomUUID().toString().substring(0, 8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < students; i++) {
                String text = Files.readString(sheets.get(i % sheets.size()));
                String id = String.format("2025%04d", i);
                text = text.replaceFirst("(?m)^# .*$", "# " + id + " 学生" + i) + "\n\n<!-- " + salt + " " + i + " -->\n";
                // Before each problem's heading, whichever way the sheet writes it ("## 1." or "Problem 1").
                text = text.replaceAll("\n(## |Problem \\d)", "\n\n<!-- " + salt + i + " -->\n$1");
                zip.putNextEntry(new ZipEntry(id + "_学生_hw.md"));
                zip.write(text.getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    static void upload(AppProcess app, String token, String task, String kind, String name, byte[] bytes)
            throws Exception {
        String boundary = "----smartai" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(bytes);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var request = java.net.http.HttpRequest.newBuilder(app.uri("/api/tasks/" + task + "/" + kind))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        var response = java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        awaitJob(app, token, Http.field(response.body(), "jobId"), Duration.ofSeconds(60));
    }

    /** Polls a job until it succeeds; fails at once when it fails. */
    static void awaitJob(AppProcess app, String token, String jobId, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Object> job = get(app, token, "/api/jobs/" + jobId, new TypeReference<>() {
            });
            if ("succeeded".equals(job.get("status"))) {
                return;
            }
            assertThat(job.get("status")).as(job.toString()).isNotEqualTo("failed");
            Thread.sleep(100);
        }
        throw new AssertionError("job " + jobId + " did not finish within " + timeout);
    }

    static List<Map<String, Object>> grades(AppProcess app, String token, String task) throws Exception {
        return get(app, token, "/api/tasks/" + task + "/grades", new TypeReference<>() {
        });
    }

    static <T> T get(AppProcess app, String token, String path, TypeReference<T> type) throws Exception {
        var r = Http.get(app.uri(path), "Authorization", "Bearer " + token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readValue(r.body(), type);
    }

    static String login(AppProcess app) throws Exception {
        return Http.field(Http.postJson(app.uri("/api/auth/login"),
                "{\"username\":\"crash\",\"password\":\"crash-password-1\"}").body(), "token");
    }
}
