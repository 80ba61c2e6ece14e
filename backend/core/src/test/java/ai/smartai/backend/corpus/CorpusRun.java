package ai.smartai.backend.corpus;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.smartai.backend.ingest.archive.Archives;
import ai.smartai.backend.testing.Api;
import ai.smartai.backend.testing.Uploads;

/**
 * A corpus set through the real HTTP API, as a new teacher would use it: upload the problem set, the key and the class
 * archive, grade, and read back what the engine made of it.
 */
final class CorpusRun {

    /** What the engine produced: problems in their order, students with their answers, and every grade. */
    record Outcome(List<Map<String, Object>> problems, List<Map<String, Object>> students,
            List<Map<String, Object>> grades, List<String> warnings) {
    }

    private CorpusRun() {
    }

    static Outcome run(CorpusSet set) throws Exception {
        return run(set, true);
    }

    /** Uploads the set's three files; grades them only when {@code grade} (reading alone takes seconds). */
    static Outcome run(CorpusSet set, boolean grade) throws Exception {
        String token = Api.newTeacherToken();
        String task = Uploads.newTask(token, "corpus " + set.name());
        List<String> warnings = new ArrayList<>();
        warnings.addAll(upload(token, task, "problems", set.problems().getFileName().toString(),
                Files.readAllBytes(set.problems())));
        warnings.addAll(upload(token, task, "answer-key", set.key().getFileName().toString(),
                Files.readAllBytes(set.key())));
        warnings.addAll(upload(token, task, "submissions", set.name() + ".zip", Archives.zipBytes(set.submissions())));
        if (!grade) {
            return new Outcome(list(token, "/api/tasks/" + task + "/problems"), list(token, "/api/tasks/" + task
                    + "/students"), List.of(), warnings);
        }
        var start = Api.as(token).body(Map.of()).post("/api/tasks/" + task + "/grading");
        if (start.statusCode() != 202) {
            warnings.add("grading did not start: " + start.asString());
        } else {
            // Generous: a set's grading is measured for quality here, not speed, and a loaded machine is slow.
            Map<String, Object> done = await(token, start.path("jobId"), Duration.ofMinutes(30));
            if (!"succeeded".equals(done.get("status"))) {
                throw new AssertionError(set.name() + ": grading ended " + done.get("status") + ": "
                        + done.get("error"));
            }
        }
        return new Outcome(list(token, "/api/tasks/" + task + "/problems"), list(token, "/api/tasks/" + task
                + "/students"), list(token, "/api/tasks/" + task + "/grades"), warnings);
    }

    @SuppressWarnings("unchecked")
    private static List<String> upload(String token, String task, String kind, String name, byte[] bytes)
            throws InterruptedException {
        String job = Uploads.upload(token, task, kind, name, bytes).then().statusCode(202).extract().path("jobId");
        Map<String, Object> done = await(token, job, Duration.ofMinutes(15));
        List<String> warnings = new ArrayList<>((List<String>) done.getOrDefault("warnings", List.of()));
        if (!"succeeded".equals(done.get("status"))) {
            // A teacher would see this and carry on; the figures show what it cost.
            warnings.add(0, "the " + kind + " upload " + done.get("status") + ": " + done.get("error"));
        }
        return warnings;
    }

    private static List<Map<String, Object>> list(String token, String path) {
        return Api.as(token).get(path).then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static Map<String, Object> await(String token, String job, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Object> j = Api.as(token).get("/api/jobs/" + job).then().statusCode(200).extract().jsonPath()
                    .getMap("$");
            if (List.of("succeeded", "failed", "cancelled").contains(j.get("status"))) {
                return j;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("job " + job + " did not finish in " + limit);
    }
}
