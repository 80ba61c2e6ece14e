package ai.smartai.backend.review;

import static ai.smartai.backend.testing.Uploads.DEMO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.smartai.backend.testing.Api;
import ai.smartai.backend.testing.Uploads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** One problem across the class in groups, largest first, and one decision for a whole group, audited per answer. */
@QuarkusTest
class ReviewGroupApiTest {

    String token;
    String task;

    @BeforeEach
    void setUp() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        token = Api.newTeacherToken();
        task = Uploads.newTask(token, "Review groups");
        Uploads.uploadAndWait(token, task, "problems", DEMO.resolve("problems.md"));
        Uploads.uploadAndWait(token, task, "answer-key", DEMO.resolve("answer-key.md"));
        Uploads.uploadAndWait(token, task, "submissions", DEMO.resolve("students.zip"));
        // The two problems these tests decide: grading the whole set would only make them slower.
        String job = Api.as(token).body(Map.of("scope", Map.of("problemIds", List.of("q1", "q2"))))
                .post("/api/tasks/" + task + "/grading").then().statusCode(202)
                .extract().path("jobId");
        assertThat(Uploads.awaitJob(token, job).get("status")).isEqualTo("succeeded");
    }

    List<Map<String, Object>> groups(String problemId) {
        return Api.as(token).get("/api/tasks/" + task + "/problems/" + problemId + "/groups").then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    @Test
    void groupsTheClassBySameFinalAnswerLargestFirst() {
        List<Map<String, Object>> groups = groups("q1");
        assertThat(groups).isNotEmpty();
        assertThat(groups.stream().mapToInt(g -> (Integer) g.get("size")).sum()).isEqualTo(10);
        for (int i = 1; i < groups.size(); i++) {
            assertThat((Integer) groups.get(i).get("size"))
                    .isLessThanOrEqualTo((Integer) groups.get(i - 1).get("size"));
        }
        assertThat(groups).allMatch(g -> ((List<?>) g.get("studentIds")).size() == (Integer) g.get("size"));
        // q1 is multiple choice: the students who chose the same letter are together, and say which.
        assertThat(groups.get(0).get("key").toString()).startsWith("final answer ");
        assertThat(groups).anyMatch(g -> ((List<?>) g.get("studentIds")).contains("2023008")
                && !g.get("key").equals(groups.get(0).get("key")));
        // The workbench reads one problem's answers across the class, not every answer of every student.
        List<List<String>> answered = Api.as(token).get("/api/tasks/" + task + "/students?problemId=q1").then()
                .statusCode(200).extract().jsonPath().getList("answers.problemId");
        assertThat(answered).hasSize(10).allMatch(a -> a.equals(List.of("q1")));
        // The same request gives the same ids, so a decision names the group the teacher saw.
        assertThat(groups("q1").stream().map(g -> g.get("groupId")).toList())
                .isEqualTo(groups.stream().map(g -> g.get("groupId")).toList());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDecisionGradesEveryAnswerOfTheGroupAndIsAuditedPerAnswer() {
        Map<String, Object> largest = groups("q2").get(0);
        List<String> students = (List<String>) largest.get("studentIds");
        String url = "/api/tasks/" + task + "/problems/q2/groups/" + largest.get("groupId") + "/decision";
        Api.as(token).body(Map.of("rubricItems", List.of("1"), "comment", "同一个答案，同一个分数"))
                .post(url).then().statusCode(200).body("size()", equalTo(students.size()));
        double firstItem = Api.as(token).get("/api/tasks/" + task + "/problems").then().extract().jsonPath()
                .getDouble("find { it.id == 'q2' }.rubric[0].points");
        List<Map<String, Object>> grades = Api.as(token).get("/api/tasks/" + task + "/grades?problemId=q2").then()
                .statusCode(200).extract().jsonPath().getList("$");
        for (Map<String, Object> g : grades) {
            Map<String, Object> override = (Map<String, Object>) g.get("override");
            if (students.contains(g.get("studentId"))) {
                assertThat(((Number) override.get("score")).doubleValue()).isEqualTo(firstItem);
                assertThat(override.get("comment")).isEqualTo("同一个答案，同一个分数");
            } else {
                assertThat(override).isNull();
            }
        }
        List<Map<String, Object>> audit = Api.as(token).get("/api/tasks/" + task + "/audit").then().statusCode(200)
                .extract().jsonPath().getList("$");
        for (String s : students) {
            assertThat(audit)
                    .anyMatch(a -> "grade.override".equals(a.get("action")) && (s + "/q2").equals(a.get("target")));
        }

        // The rubric item's points change: every grade given as that item moves with it, audited.
        List<Map<String, Object>> rubric = Api.as(token).get("/api/tasks/" + task + "/problems").then().extract()
                .jsonPath().getList("find { it.id == 'q2' }.rubric");
        Map<String, Object> changed = new HashMap<>(rubric.get(0));
        double halved = firstItem / 2;
        changed.put("points", halved);
        List<Map<String, Object>> edited = new ArrayList<>(rubric);
        edited.set(0, changed);
        Api.as(token).body(Map.of("rubric", edited)).put("/api/tasks/" + task + "/problems/q2").then().statusCode(200);
        for (String s : students) {
            Api.as(token).get("/api/tasks/" + task + "/grades?problemId=q2&studentId=" + s).then()
                    .body("[0].override.score", equalTo((float) halved));
        }
        List<Map<String, Object>> after = Api.as(token).get("/api/tasks/" + task + "/audit").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(after).anyMatch(a -> "grade.rubric-rescore".equals(a.get("action"))
                && (students.get(0) + "/q2").equals(a.get("target")));
        firstItem = halved;

        // A split: only the members named are decided; the others keep what they had.
        if (students.size() > 1) {
            Api.as(token).body(Map.of("score", 0, "studentIds", List.of(students.get(0)))).post(url).then()
                    .statusCode(200).body("size()", equalTo(1));
            Api.as(token).get("/api/tasks/" + task + "/grades?problemId=q2&studentId=" + students.get(1)).then()
                    .body("[0].override.score", equalTo((float) firstItem));
            Api.as(token).get("/api/tasks/" + task + "/grades?problemId=q2&studentId=" + students.get(0)).then()
                    .body("[0].override.score", equalTo(0f));
        }
        Api.as(token).body(Map.of("score", 1, "studentIds", List.of("nobody"))).post(url).then().statusCode(400)
                .body("message", containsString("nobody is not in group"));
        Api.as(token).body(Map.of("score", 1, "rubricItems", List.of("1"))).post(url).then().statusCode(400)
                .body("message", containsString("either score or rubricItems"));
        Api.as(token).body(Map.of("rubricItems", List.of("99"))).post(url).then().statusCode(400)
                .body("message", containsString("is not an item of q2's rubric"));
        Api.as(token).body(Map.of("score", 1)).post("/api/tasks/" + task + "/problems/q2/groups/nope/decision")
                .then().statusCode(404);
        Api.as(Api.newTeacherToken()).get("/api/tasks/" + task + "/problems/q2/groups").then().statusCode(404);
    }
}
