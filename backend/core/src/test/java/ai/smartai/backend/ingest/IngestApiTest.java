package ai.smartai.backend.ingest;

import static ai.smartai.backend.testing.Uploads.DEMO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.smartai.backend.testing.Api;
import ai.smartai.backend.testing.Uploads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The demo homework through the real upload API: problems, key, a zip with GBK names, and edits. */
@QuarkusTest
class IngestApiTest {

    String token;
    String task;

    @BeforeEach
    void setUp() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        token = Api.newTeacherToken();
        task = Uploads.newTask(token, "Demo homework 3");
    }

    void uploadDemo() {
        assertThat(Uploads.uploadAndWait(token, task, "problems", DEMO.resolve("problems.md")).get("status"))
                .isEqualTo("succeeded");
        assertThat(Uploads.uploadAndWait(token, task, "answer-key", DEMO.resolve("answer-key.md")).get("status"))
                .isEqualTo("succeeded");
        var students = Uploads.uploadAndWait(token, task, "submissions", DEMO.resolve("students.zip"));
        assertThat(students.get("status")).isEqualTo("succeeded");
        assertThat(students.get("done")).isEqualTo(10);
        assertThat(students.get("total")).isEqualTo(10);
    }

    @Test
    void ingestsTheDemoHomework() {
        uploadDemo();
        Api.as(token).get("/api/tasks/" + task).then().statusCode(200)
                .body("problemCount", equalTo(9)).body("studentCount", equalTo(10)).body("status", equalTo("ready"));

        Api.as(token).get("/api/tasks/" + task + "/problems").then().statusCode(200)
                .body("$", hasSize(9))
                .body("id", equalTo(List.of("q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9")))
                .body("type", equalTo(List.of("choice", "choice", "calculation", "calculation", "calculation",
                        "programming", "concept", "proof", "reasoning")))
                .body("[0].choices", equalTo(List.of("A", "B", "C", "D")))
                .body("[0].correctChoices", equalTo(List.of("B")))
                .body("[1].correctChoices", equalTo(List.of("A", "C")))
                .body("[2].rubric.points", equalTo(List.of(4.0f, 3.0f, 3.0f)))
                .body("[5].testCases", hasSize(6))
                .body("[5].maxScore", equalTo(15.0f));

        List<Map<String, Object>> students = Api.as(token).get("/api/tasks/" + task + "/students").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertThat(students).extracting(s -> s.get("id")).containsExactlyInAnyOrder("2023001", "2023002", "2023003",
                "2023004", "2023005", "2023006", "2023007", "2023008", "2023010", "2023011");
        Map<String, Object> liu = byId(students, "2023004");
        assertThat(liu.get("name")).isEqualTo("刘洋");
        assertThat(liu.get("identifiedBy")).isEqualTo("content");
        assertThat(liu.get("sourceFile")).isEqualTo("hw3_final.txt");
        assertThat(byId(students, "2023001").get("sourceFile")).isEqualTo("2023001_张伟_hw3.md");
        assertThat((List<String>) byId(students, "2023010").get("flags"))
                .anyMatch(f -> f.startsWith("identity-conflict"));
        Map<String, Object> wang = byId(students, "2023003");
        assertThat(answer(wang, "q8").get("flags")).isEqualTo(List.of("unanswered"));
        assertThat(answer(wang, "q3").get("text")).isEqualTo("$\\int_0^1 (2x+1)dx = [x^2 + x]_0^1 = 1 + 2 = 3$");
        assertThat((List<?>) byId(students, "2023001").get("answers")).hasSize(9);
    }

    @Test
    void theSameBytesAgainAreANoOp() {
        uploadDemo();
        Uploads.upload(token, task, "submissions", DEMO.resolve("students.zip"))
                .then().statusCode(200).body("unchanged", equalTo(true));
        Uploads.upload(token, task, "problems", DEMO.resolve("problems.md"))
                .then().statusCode(200).body("unchanged", equalTo(true));
        Api.as(token).get("/api/tasks/" + task).then().body("studentCount", equalTo(10));
    }

    @Test
    void answersBeforeProblemsAre409() {
        Uploads.upload(token, task, "submissions", DEMO.resolve("students.zip"))
                .then().statusCode(409).body("error", equalTo("problems_missing"))
                .body("message", containsString("students.zip"))
                // The same sentence as a catalogue message, for a page in the teacher's language.
                .body("messageCode.code", equalTo("err-problems-missing"))
                .body("messageCode.args", equalTo(List.of("students.zip")));
    }

    @Test
    void refusesFilesThatCannotBeHomework() {
        Uploads.upload(token, task, "problems", "setup.exe", new byte[] { 'M', 'Z', 0, 0 })
                .then().statusCode(415).body("error", equalTo("unsupported_file_type"))
                .body("message", containsString("setup.exe"));
        Uploads.upload(token, task, "problems", "empty.md", new byte[0])
                .then().statusCode(400).body("message", equalTo("empty.md is empty."))
                .body("messageCode.code", equalTo("err-empty-file"));
        Api.as(token).get("/api/tasks/nope9").then().statusCode(404).body("message", containsString("nope9"))
                .body("messageCode.args", equalTo(List.of("@thing-task", "nope9")));
    }

    @Test
    void aCorruptArchiveFailsItsJobWithTheFileNamedAndKeepsWhatWasStored() {
        uploadDemo();
        String jobId = Uploads.upload(token, task, "submissions", "late.zip",
                "PK\u0003\u0004 this is not really a zip".getBytes()).then().statusCode(202).extract().path("jobId");
        var job = Uploads.awaitJob(token, jobId);
        assertThat(job.get("status")).isEqualTo("failed");
        assertThat((String) job.get("error")).contains("late.zip").contains("damaged");
        assertThat(job.get("errorCode")).asString().contains("code=archive-", "late.zip");
        Api.as(token).get("/api/tasks/" + task).then().body("studentCount", equalTo(10));
    }

    @Test
    void anUnreadableMemberFlagsItsStudentAndTheRestAreKept() throws Exception {
        Uploads.uploadAndWait(token, task, "problems", DEMO.resolve("problems.md"));
        byte[] zip = zip(Map.of("2023101_甲_hw.md", "## 1.\nB\n", "2023102_乙_hw.pdf", "%PDF-1.4 broken"));
        String jobId = Uploads.upload(token, task, "submissions", "mixed.zip", zip).then().statusCode(202).extract()
                .path("jobId");
        var job = Uploads.awaitJob(token, jobId);
        assertThat(job.get("status")).isEqualTo("succeeded");
        assertThat((List<String>) job.get("warnings")).anyMatch(w -> w.contains("2023102_乙_hw.pdf"));
        // Each warning again as a catalogue message, the file name verbatim among its arguments.
        List<Map<String, Object>> codes = (List<Map<String, Object>>) job.get("warningCodes");
        assertThat(codes).hasSameSizeAs((List<?>) job.get("warnings"))
                .anySatisfy(c -> assertThat((List<String>) c.get("args")).contains("2023102_乙_hw.pdf"));
        List<Map<String, Object>> students = Api.as(token).get("/api/tasks/" + task + "/students").then().extract()
                .jsonPath().getList("$");
        assertThat((List<String>) byId(students, "2023102").get("flags"))
                .anyMatch(f -> f.startsWith("unreadable-file"));
        assertThat(answer(byId(students, "2023101"), "q1").get("text")).isEqualTo("B");
    }

    @Test
    @SuppressWarnings("unchecked")
    void twoFilesOfOneStudentAreOneStudentGradedOnTheLaterWithTheOtherShownAndFlagged() throws Exception {
        Uploads.uploadAndWait(token, task, "problems", DEMO.resolve("problems.md"));
        Uploads.uploadAndWait(token, task, "answer-key", DEMO.resolve("answer-key.md"));
        // 丙 handed in again ("(1)", the browser's name for the later download); 丁 the same bytes twice.
        byte[] zip = zip(Map.of("2023201_丙_hw(1).md", "## 1.\nB\n", "2023201_丙_hw.md", "## 1.\nC\n",
                "2023202_丁.md", "## 1.\nA\n", "2023202_丁 (1).md", "## 1.\nA\n"));
        var job = Uploads.awaitJob(token, Uploads.upload(token, task, "submissions", "dup.zip", zip).then()
                .statusCode(202).extract().path("jobId"));
        assertThat((List<String>) job.get("warnings")).anyMatch(w -> w.contains("2023201_丙_hw(1).md is graded")
                && w.contains("2023201_丙_hw.md is kept beside it"));
        List<Map<String, Object>> students = Api.as(token).get("/api/tasks/" + task + "/students").then().extract()
                .jsonPath().getList("$");
        assertThat(students).extracting(s -> s.get("id")).containsExactly("2023201", "2023202");
        Map<String, Object> bing = byId(students, "2023201");
        assertThat(bing.get("sourceFile")).isEqualTo("2023201_丙_hw(1).md");
        assertThat(answer(bing, "q1").get("text")).isEqualTo("B");
        assertThat((List<String>) bing.get("flags")).anyMatch(f -> f.startsWith("duplicate-id")
                && f.contains("2023201_丙_hw.md") && f.contains("not graded"));
        List<Map<String, Object>> others = (List<Map<String, Object>>) bing.get("otherSubmissions");
        assertThat(others).extracting(o -> o.get("sourceFile")).containsExactly("2023201_丙_hw.md");
        assertThat(answer(others.get(0), "q1").get("text")).isEqualTo("C");
        assertThat((List<String>) byId(students, "2023202").get("flags")).anyMatch(f -> f.contains("the same text"));

        String grading = Api.as(token).body(Map.of()).post("/api/tasks/" + task + "/grading").then().statusCode(202)
                .extract().path("jobId");
        assertThat(Uploads.awaitJob(token, grading).get("status")).isEqualTo("succeeded");
        List<Map<String, Object>> grades = Api.as(token).get("/api/tasks/" + task + "/grades").then().extract()
                .jsonPath().getList("$");
        assertThat(grades).extracting(g -> g.get("studentId")).containsOnly("2023201", "2023202");
        assertThat(grades.stream().filter(g -> g.get("studentId").equals("2023201") && g.get("problemId")
                .equals("q1")).map(g -> g.get("score"))).containsExactly(5.0f);
        Api.as(token).get("/api/tasks/" + task + "/gradebook").then().statusCode(200).body("rows.size()", equalTo(2));

        // A later upload of the same student is the later submission, whatever its name (ASCII: a single part's
        // file name reaches the server through the test client without its Chinese characters).
        Uploads.awaitJob(token, Uploads.upload(token, task, "submissions", "2023201_redo.md",
                "## 1.\nD\n".getBytes(StandardCharsets.UTF_8)).then().statusCode(202).extract().path("jobId"));
        bing = byId(Api.as(token).get("/api/tasks/" + task + "/students").then().extract().jsonPath().getList("$"),
                "2023201");
        assertThat(bing.get("sourceFile")).isEqualTo("2023201_redo.md");
        assertThat((List<Map<String, Object>>) bing.get("otherSubmissions")).extracting(o -> o.get("sourceFile"))
                .containsExactlyInAnyOrder("2023201_丙_hw.md", "2023201_丙_hw(1).md");
    }

    @Test
    void teachersEditProblemsStudentsAndAnswers() {
        uploadDemo();
        Api.as(token).body(Map.of("type", "reasoning", "maxScore", 12)).put("/api/tasks/" + task + "/problems/q7")
                .then().statusCode(200).body("type", equalTo("reasoning")).body("maxScore", equalTo(12.0f))
                .body("typeReason", equalTo("set by the teacher"));
        Api.as(token).body(Map.of("correctChoices", List.of("Z"))).put("/api/tasks/" + task + "/problems/q1")
                .then().statusCode(400).body("message", containsString("correctChoices"));
        Api.as(token).body(Map.of("id", "2023009", "name", "周婷")).put("/api/tasks/" + task + "/students/2023010")
                .then().statusCode(200).body("id", equalTo("2023009")).body("identifiedBy", equalTo("manual"))
                .body("flags", hasSize(0));
        Api.as(token).body(Map.of("id", "2023001")).put("/api/tasks/" + task + "/students/2023009")
                .then().statusCode(409);
        Api.as(token).body(Map.of("text", "x = 2 或 x = 3")).put("/api/tasks/" + task + "/students/2023003/answers/q4")
                .then().statusCode(200).body("text", equalTo("x = 2 或 x = 3"));
        Api.as(token).get("/api/tasks/" + task + "/students/2023003").then().statusCode(200)
                .body("answers.find { it.problemId == 'q4' }.text", equalTo("x = 2 或 x = 3"));
        Api.as(token).get("/api/tasks/" + task + "/students/nobody").then().statusCode(404);
        Api.as(token).get("/api/tasks/" + task + "/problems").then().body("id", hasItem("q9"));
    }

    @Test
    void anotherTeacherSeesNothing() {
        uploadDemo();
        String other = Api.newTeacherToken();
        Api.as(other).get("/api/tasks/" + task + "/problems").then().statusCode(404);
        Api.as(other).get("/api/tasks/" + task + "/students").then().statusCode(404);
        Uploads.upload(other, task, "problems", DEMO.resolve("problems.md")).then().statusCode(404);
        String jobId = Uploads.upload(token, task, "problems", "p2.md", "## 1. 1+1=?".getBytes()).then()
                .statusCode(202).extract().path("jobId");
        Api.as(other).get("/api/jobs/" + jobId).then().statusCode(404);
    }

    static Map<String, Object> byId(List<Map<String, Object>> students, String id) {
        return students.stream().filter(s -> id.equals(s.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no student " + id + " in " + students.stream()
                        .map(s -> s.get("id")).toList()));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> answer(Map<String, Object> student, String problemId) {
        return ((List<Map<String, Object>>) student.get("answers")).stream()
                .filter(a -> problemId.equals(a.get("problemId"))).findFirst().orElseThrow();
    }

    static byte[] zip(Map<String, String> files) throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(out)) {
            for (var f : new java.util.TreeMap<>(files).entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(f.getKey()));
                zip.write(f.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    @Test
    void anUploadOverTheLimitGetsA413ThatSaysTheSizes() throws Exception {
        String token = Api.newTeacherToken();
        String task = Uploads.newTask(token, "big");
        // Declared as browsers declare a form's length, with no byte of the body sent: the answer must come from the
        // length alone, before any of the 51 MB is read (sending them made this test take 20 s).
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/tasks/" + task + "/submissions HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + token + "\r\nContent-Type: multipart/form-data; boundary=b\r\n"
                    + "Content-Length: " + 51L * 1024 * 1024 + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String response = response(socket.getInputStream());
            assertThat(response).startsWith("HTTP/1.1 413").contains("\"error\":\"payload_too_large\"")
                    .contains("the limit is 50.0 MB");
        }
    }

    /** One HTTP response's head and body (of its Content-Length), whether or not the server closes after it. */
    private static String response(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            assertThat(b).as("the response's head ends").isNotNegative();
            head.write(b);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(text);
        byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
        return text + new String(body, StandardCharsets.UTF_8);
    }
}
