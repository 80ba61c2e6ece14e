package ai.smartai.backend.ingest;

import static ai.smartai.backend.testing.Uploads.DEMO;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import ai.smartai.backend.testing.Api;
import ai.smartai.backend.testing.Uploads;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The demo class downloaded from Moodle ("download all submissions": a folder per student) and from Canvas (every file
 * renamed login_userid_submissionid_name): every student is identified as in the plain upload.
 */
@QuarkusTest
class LmsDownloadTest {

    record Entry(String name, byte[] bytes) {
    }

    @Test
    void moodleAndCanvasDownloadsOfTheDemoClassIdentifyEveryStudent() throws Exception {
        String token = Api.newTeacherToken();
        Map<String, Map<String, Object>> plain = upload(token, "plain", entries(), (i, e) -> e.name());
        assertThat(plain).hasSize(10);
        Map<String, Map<String, Object>> byFile = new HashMap<>();
        plain.values().forEach(s -> byFile.put((String) s.get("sourceFile"), s));

        Map<String, Map<String, Object>> moodle = upload(token, "moodle", entries(), (i, e) -> {
            Object name = byFile.get(e.name()).get("name");
            return (name == null ? "Student " + i : name) + "_" + (48000 + i) + "_assignsubmission_file_/" + e.name();
        });
        Map<String, Map<String, Object>> canvas = upload(token, "canvas", entries(), (i, e) ->
                byFile.get(e.name()).get("id") + "_" + (48000 + i) + "_" + (91000 + i) + "_" + e.name());

        for (Map<String, Map<String, Object>> lms : List.of(moodle, canvas)) {
            assertThat(lms.keySet()).containsExactlyInAnyOrderElementsOf(plain.keySet());
            lms.forEach((id, s) -> assertThat(s.get("name")).as(id).isEqualTo(plain.get(id).get("name")));
        }
    }

    /** The demo zip's files (its names are GBK), without macOS litter. */
    private static List<Entry> entries() throws Exception {
        List<Entry> out = new ArrayList<>();
        try (ZipFile zip = new ZipFile(DEMO.resolve("students.zip").toFile(), Charset.forName("GBK"))) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (!e.isDirectory() && !e.getName().startsWith("__MACOSX") && !e.getName().endsWith(".DS_Store")) {
                    out.add(new Entry(e.getName(), zip.getInputStream(e).readAllBytes()));
                }
            }
        }
        return out;
    }

    private static Map<String, Map<String, Object>> upload(String token, String name, List<Entry> entries,
            BiFunction<Integer, Entry, String> path) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < entries.size(); i++) {
                zip.putNextEntry(new ZipEntry(path.apply(i, entries.get(i))));
                zip.write(entries.get(i).bytes());
                zip.closeEntry();
            }
        }
        String task = Uploads.newTask(token, name);
        Uploads.uploadAndWait(token, task, "problems", DEMO.resolve("problems.md"));
        String job = Uploads.upload(token, task, "submissions", name + ".zip", bytes.toByteArray()).then()
                .statusCode(202).extract().path("jobId");
        assertThat(Uploads.awaitJob(token, job).get("status")).isEqualTo("succeeded");
        List<Map<String, Object>> students = Api.as(token).get("/api/tasks/" + task + "/students?view=brief").then()
                .statusCode(200).extract().jsonPath().getList("$");
        Map<String, Map<String, Object>> byId = new HashMap<>();
        students.forEach(s -> byId.put((String) s.get("id"), s));
        return byId;
    }
}
