package ai.smartai.launcher;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

/**
 * Render time of the pages a teacher opens most, for a graded class of 200 students x 9 problems, in the single
 * process the README runs: the results page, a student page, the review queue, analytics and the review workbench of
 * one problem, and one decision for a group of about 130 answers. The time is measured
 * from request to last byte on localhost, so it includes the page's calls to the backend. Prints figures only.
 */
class ResultsPageBench {

    static final int STUDENTS = 200;

    @Test
    void pagesOfAClassOf200() throws Exception {
        Path data = Files.createTempDirectory("smartai-bench-results-");
        Path demo = AppProcess.repoRoot().resolve("samples/demo-hw");
        try (AppProcess app = AppProcess.start("launcher", Map.of("SMARTAI_DATA_DIR", data.toString()), List.of())) {
            app.awaitReady(Duration.ofSeconds(120));
            var setup = Http.postForm(app.uri("/setup"), Map.of("username", "bench", "password", "bench-password-1",
                    "confirm", "bench-password-1"));
            String session = Http.sessionCookie(setup.statusCode() == 303 ? setup
                    : Http.postForm(app.uri("/login"), Map.of("username", "bench", "password", "bench-password-1")));
            var created = Http.postForm(app.uri("/tasks"), Map.of("name", "Bench 200"), "Cookie", session);
            String location = created.headers().firstValue("location").orElseThrow();
            String task = location.substring(location.lastIndexOf('/') + 1);

            Path archive = Files.createTempFile("class-200-", ".zip");
            Files.write(archive, classOf(demo.resolve("students/2023001_张伟_hw3.md")));
            Http.postFile(app.uri("/tasks/" + task + "/upload/problems"), demo.resolve("problems.md"), "Cookie",
                    session);
            SplitModeIT.awaitIdle(app, task, session);
            Http.postFile(app.uri("/tasks/" + task + "/upload/answer-key"), demo.resolve("answer-key.md"), "Cookie",
                    session);
            SplitModeIT.awaitIdle(app, task, session);
            Http.postFile(app.uri("/tasks/" + task + "/upload/submissions"), archive, "Cookie", session);
            SplitModeIT.awaitIdle(app, task, session);
            long t0 = System.nanoTime();
            Http.postForm(app.uri("/tasks/" + task + "/grade"), Map.of(), "Cookie", session);
            SplitModeIT.awaitIdle(app, task, session);
            System.out.printf("[bench] graded %d students x 9 problems in %.1f s%n", STUDENTS,
                    (System.nanoTime() - t0) / 1e9);

            for (String path : new String[] { "/tasks/" + task, "/tasks/" + task + "?sort=total-desc&filter=review",
                    "/tasks/" + task + "/students/20240100", "/tasks/" + task + "/review",
                    "/tasks/" + task + "/analytics", "/tasks/" + task + "/problems/q4",
                    "/tasks/" + task + "/problems/q3/workbench" }) {
                measure(app, path, session);
            }
            decideLargestGroup(app, task, session);
            // What the results page asks the backend for, to see where its time goes.
            String token = session.substring(session.indexOf('=') + 1);
            for (String api : new String[] { "/api/tasks/" + task, "/api/tasks/" + task + "/problems",
                    "/api/tasks/" + task + "/students", "/api/tasks/" + task + "/grades" }) {
                measure(app, api, "x=y", "Authorization", "Bearer " + token);
            }
        }
    }

    /** The workbench's decision for q3's largest group (two students in three share its final answer), timed. */
    static void decideLargestGroup(AppProcess app, String task, String session) throws Exception {
        String token = session.substring(session.indexOf('=') + 1);
        var groups = Http.get(app.uri("/api/tasks/" + task + "/problems/q3/groups"), "Authorization",
                "Bearer " + token);
        String group = Http.field(groups.body(), "groupId");
        var size = java.util.regex.Pattern.compile("\"size\"\\s*:\\s*(\\d+)").matcher(groups.body());
        if (!size.find()) {
            throw new AssertionError("no groups: " + groups.body());
        }
        long t = System.nanoTime();
        var decided = Http.postJson(app.uri("/api/tasks/" + task + "/problems/q3/groups/" + group + "/decision"),
                "{\"rubricItems\": [\"1\"], \"comment\": \"bench\"}", "Authorization", "Bearer " + token);
        double took = (System.nanoTime() - t) / 1e6;
        if (decided.statusCode() != 200) {
            throw new AssertionError("the decision answered " + decided.statusCode() + ": " + decided.body());
        }
        System.out.printf("[bench] one decision for a group of %s answers: %.1f ms%n", size.group(1), took);
    }

    static void measure(AppProcess app, String path, String session, String... headers) throws Exception {
        List<Double> ms = new ArrayList<>();
        int bytes = 0;
        for (int i = 0; i < 40; i++) {
            long t = System.nanoTime();
            String[] all = new String[headers.length + 2];
            all[0] = "Cookie";
            all[1] = session;
            System.arraycopy(headers, 0, all, 2, headers.length);
            var page = Http.get(app.uri(path), all);
            double took = (System.nanoTime() - t) / 1e6;
            if (page.statusCode() != 200) {
                throw new AssertionError(path + " answered " + page.statusCode());
            }
            bytes = page.body().length();
            if (i >= 10) {
                ms.add(took);
            }
        }
        Collections.sort(ms);
        System.out.printf("[bench] %-60s median %6.1f ms  p95 %6.1f ms  (%d chars)%n", path, ms.get(ms.size() / 2),
                ms.get((int) (ms.size() * 0.95)), bytes);
    }

    /** 200 students from one demo answer, each with their own id and a varied final answer. */
    static byte[] classOf(Path template) throws Exception {
        String text = Files.readString(template);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= STUDENTS; i++) {
                String id = String.format("2024%04d", i);
                String answer = text.replace("2023001", id).replace("张伟", "学生" + i)
                        .replace("答案：2", "答案：" + (i % 3 == 0 ? "3" : "2"));
                zip.putNextEntry(new ZipEntry(id + "_hw3.md"));
                zip.write(answer.getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }
}
