package ai.smartai.backend.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.smartai.backend.ingest.archive.Archives;
import ai.smartai.backend.testing.Api;
import ai.smartai.backend.testing.Uploads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** Uploads shaped to break the import: none may fail the class, lose a file or show SQL to the teacher. */
@QuarkusTest
class HostileUploadTest {

    String token;
    String task;

    @BeforeEach
    void setUp() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        token = Api.newTeacherToken();
        task = Uploads.newTask(token, "Hostile uploads");
        String job = Uploads.upload(token, task, "problems", "problems.md", "## 1. (5分) 1+1=?\n\n## 2. (5分) 2+2=?\n"
                .getBytes(StandardCharsets.UTF_8)).then().statusCode(202).extract().path("jobId");
        assertThat(Uploads.awaitJob(token, job).get("status")).isEqualTo("succeeded");
    }

    List<Map<String, Object>> students() {
        return Api.as(token).get("/api/tasks/" + task + "/students").then().statusCode(200).extract().jsonPath()
                .getList("$");
    }

    @Test
    void archiveEntriesWithVeryLongNamesAreKeptWhole() throws Exception {
        String longName = "2024100_" + "很长的名字".repeat(120) + ".md";
        Map<String, String> files = new LinkedHashMap<>();
        files.put(longName, "## 1.\n2\n## 2.\n4\n");
        files.put("2024101_张三.md", "## 1.\n2\n## 2.\n4\n");
        String job = Uploads.upload(token, task, "submissions", "class.zip", Archives.zip(files)).then()
                .statusCode(202).extract().path("jobId");
        var done = Uploads.awaitJob(token, job);
        assertThat(done.get("status")).isEqualTo("succeeded");
        assertThat(students()).extracting(s -> s.get("sourceFile")).contains(longName, "2024101_张三.md");
    }

    @Test
    void aFiveThousandCharacterFileNameIsAcceptedAndKept() {
        String name = "2024102_" + "x".repeat(5000) + ".md";
        String job = Uploads.upload(token, task, "submissions", name, "## 1.\n2\n".getBytes(StandardCharsets.UTF_8))
                .then().statusCode(202).extract().path("jobId");
        assertThat(Uploads.awaitJob(token, job).get("status")).isEqualTo("succeeded");
        assertThat(students()).extracting(s -> s.get("sourceFile")).contains(name);
    }

    @Test
    void anUnreadableMemberIsReportedAndTheRestOfTheClassIsKept() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("2024103_坏.docx", "not a word document".getBytes(StandardCharsets.UTF_8));
        files.put("2024104_李四.md", "## 1.\n2\n".getBytes(StandardCharsets.UTF_8));
        String job = Uploads.upload(token, task, "submissions", "class.zip", Archives.zipBytes(files)).then()
                .statusCode(202).extract().path("jobId");
        var done = Uploads.awaitJob(token, job);
        assertThat(done.get("status")).isEqualTo("succeeded");
        assertThat(done.toString()).doesNotContain("SQL").doesNotContain("insert into").doesNotContain("Exception");
        assertThat(students()).extracting(s -> s.get("sourceFile")).contains("2024104_李四.md");
    }
}
