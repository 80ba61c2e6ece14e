package ai.smartai.backend.ingest;

import static ai.smartai.backend.testing.Uploads.REAL;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.smartai.backend.testing.Api;
import ai.smartai.backend.testing.Uploads;
import io.quarkus.test.junit.QuarkusTest;

/** The real homework of the system we replace, when the shared dataset is beside the checkout. */
@QuarkusTest
class RealDatasetIngestTest {

    @BeforeEach
    void needsTheDataset() {
        Assumptions.assumeTrue(Files.isDirectory(REAL), "no shared dataset at " + REAL.toAbsolutePath());
    }

    @Test
    void ingestsTheRealClass() throws Exception {
        String token = Api.newTeacherToken();
        String task = Uploads.newTask(token, "SmarTAI hw2");
        assertThat(Uploads.uploadAndWait(token, task, "problems", REAL.resolve("SmarTAI_hw2.txt")).get("status"))
                .isEqualTo("succeeded");
        assertThat(Uploads.uploadAndWait(token, task, "answer-key", REAL.resolve("SmarTAI_hw2_correct_answers.txt"))
                .get("status")).isEqualTo("succeeded");
        assertThat(Uploads.uploadAndWait(token, task, "submissions", REAL.resolve("SmarTAI_test_stu_hw2.zip"))
                .get("status")).isEqualTo("succeeded");

        List<Map<String, Object>> problems = Api.as(token).get("/api/tasks/" + task + "/problems").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertThat(problems).hasSize(7);
        assertThat(problems.get(0).get("type")).isEqualTo("choice");
        assertThat(problems.get(1).get("type")).isEqualTo("choice");
        assertThat(problems.get(2).get("type")).isEqualTo("calculation");
        assertThat(problems.get(3).get("type")).isIn("calculation", "other");
        assertThat(problems.get(4).get("type")).isEqualTo("programming");
        assertThat(problems.get(5).get("type")).isEqualTo("choice");
        assertThat(problems.get(6).get("type")).isEqualTo("proof");
        assertThat(problems.get(0).get("correctChoices")).isEqualTo(List.of("E"));

        // The expected ids and names come from the unpacked files beside the zip.
        Map<String, String> expected;
        try (Stream<java.nio.file.Path> files = Files.list(REAL.resolve("students"))) {
            expected = files.map(p -> p.getFileName().toString().split("_"))
                    .collect(Collectors.toMap(parts -> parts[0], parts -> parts[1]));
        }
        List<Map<String, Object>> students = Api.as(token).get("/api/tasks/" + task + "/students").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertThat(students).hasSize(20);
        for (Map<String, Object> s : students) {
            assertThat(s.get("name")).as("name of " + s.get("id")).isEqualTo(expected.get(s.get("id")));
            assertThat((List<?>) s.get("answers")).as("answers of " + s.get("id")).hasSize(7);
            assertThat((String) s.get("sourceFile")).contains(s.get("name").toString());
        }
        assertThat(students).extracting(s -> s.get("id")).containsExactlyInAnyOrderElementsOf(expected.keySet());
    }
}
