package ai.smartai.backend.ingest;

import static ai.smartai.backend.testing.Uploads.DEMO;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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
import io.restassured.http.ContentType;

/**
 * The demo class downloaded from Moodle ("download all submissions": a folder per student) and from Canvas (every file
 * renamed login_userid_submissionid_name): every student is identified as in the plain upload; with the LMS's roster,
 * the absent student is missing and the file of the student the roster does not know is flagged.
 */
@QuarkusTest
class LmsDownloadTest {

    record Entry(String name, byte[] bytes) {
    }

    @Test
    @SuppressWarnings("unchecked")
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
        Map<String, Map<String, Object>> canvas = upload(token, "canvas", entries(),
                (i, e) -> byFile.get(e.name()).get("id") + "_" + (48000 + i) + "_" + (91000 + i) + "_" + e.name());

        for (Map<String, Map<String, Object>> lms : List.of(moodle, canvas)) {
            assertThat(lms.keySet()).containsExactlyInAnyOrderElementsOf(plain.keySet());
            lms.forEach((id, s) -> assertThat(s.get("name")).as(id).isEqualTo(plain.get(id).get("name")));
        }

        // The round trip with each LMS's own roster: one student left off it (their file is flagged), one on it who
        // handed nothing in (listed as missing).
        List<String> ids = plain.keySet().stream().sorted().toList();
        String stray = ids.get(ids.size() - 1);
        StringBuilder moodleRoster = new StringBuilder("First name,Last name,ID number,Email address\n");
        StringBuilder canvasRoster = new StringBuilder("Student,ID,SIS User ID,SIS Login ID,Section\n"
                + "    Points Possible,,,,\n");
        for (String id : ids.subList(0, ids.size() - 1)) {
            Object name = plain.get(id).get("name");
            moodleRoster.append(name == null ? "" : name).append(",,").append(id).append(",").append(id)
                    .append("@example.edu\n");
            canvasRoster.append(name == null ? "" : name).append(",").append(id.hashCode() & 0xffff).append(",")
                    .append(id).append(",").append(id).append(",A\n");
        }
        moodleRoster.append("缺席,同学,2099999,absent@example.edu\n");
        canvasRoster.append("缺席 同学,777,2099999,2099999,A\n");
        for (var lms : List.of(Map.entry(moodle, moodleRoster), Map.entry(canvas, canvasRoster))) {
            String task = (String) lms.getKey().values().iterator().next().get("taskId");
            Map<String, Object> report = Api.as(token).contentType(ContentType.MULTIPART)
                    .multiPart("file", "roster.csv", lms.getValue().toString().getBytes(StandardCharsets.UTF_8))
                    .put("/api/tasks/" + task + "/roster").then().statusCode(200).extract().jsonPath().getMap("$");
            assertThat((List<Map<String, Object>>) report.get("matched")).extracting(m -> m.get("studentId"))
                    .containsExactlyInAnyOrderElementsOf(ids.subList(0, ids.size() - 1));
            assertThat((List<Map<String, Object>>) report.get("missing")).extracting(m -> m.get("id"))
                    .containsExactly("2099999");
            List<Map<String, Object>> unmatched = (List<Map<String, Object>>) report.get("unmatched");
            assertThat(unmatched).extracting(m -> m.get("studentId")).containsExactly(stray);
            assertThat((String) unmatched.get(0).get("sourceFile")).as("the stray's file, as the LMS named it")
                    .isNotBlank()
                    .isEqualTo(lms.getKey().get(stray).get("sourceFile"));
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
        students.forEach(s -> {
            Map<String, Object> withTask = new HashMap<>(s);
            withTask.put("taskId", task);
            byId.put((String) s.get("id"), withTask);
        });
        return byId;
    }
}
