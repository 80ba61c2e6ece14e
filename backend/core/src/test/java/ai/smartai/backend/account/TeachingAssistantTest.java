package ai.smartai.backend.account;

import static ai.smartai.backend.testing.Uploads.DEMO;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ai.smartai.backend.testing.Api;
import ai.smartai.backend.testing.Uploads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * A teaching assistant, made one by the admin and invited to a task by its teacher, grades and reviews it, but cannot
 * create, delete or share a task, nor manage LLM providers; the overrides they make name them and the time.
 */
@QuarkusTest
class TeachingAssistantTest {

    @Test
    void aTaGradesAndReviewsButCannotDeleteShareOrManageProviders() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        String teacher = Api.newTeacherToken();
        String task = Uploads.newTask(teacher, "TA permissions");
        Uploads.uploadAndWait(teacher, task, "problems", DEMO.resolve("problems.md"));
        Uploads.uploadAndWait(teacher, task, "answer-key", DEMO.resolve("answer-key.md"));
        Uploads.uploadAndWait(teacher, task, "submissions", DEMO.resolve("students.zip"));
        String job = Api.as(teacher).body(Map.of("scope", Map.of("problemIds", List.of("q1"))))
                .post("/api/tasks/" + task + "/grading").then().statusCode(202).extract().path("jobId");
        assertThat(Uploads.awaitJob(teacher, job).get("status")).isEqualTo("succeeded");

        String admin = Api.adminToken();
        String name = "ta-" + UUID.randomUUID().toString().substring(0, 8);
        String id = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", Api.PASSWORD)).post("/api/auth/register")
                .then().statusCode(201).extract().path("id");
        Api.as(admin).body(Map.of("role", "ta")).put("/api/users/" + id).then().statusCode(200)
                .body("role", equalTo("ta"));
        String ta = Api.login(name, Api.PASSWORD);
        Api.as(ta).get("/api/auth/me").then().statusCode(200).body("role", equalTo("ta"));
        Api.as(teacher).body(Map.of("username", name)).post("/api/tasks/" + task + "/members").then().statusCode(200);
        Api.as(ta).post("/api/invitations/" + task + "/accept").then().statusCode(204);

        // Grading and reviewing: the task, a grading run, an override, a group decision.
        Api.as(ta).get("/api/tasks/" + task).then().statusCode(200);
        // The run's id from its own answer: a quick run may be over before the task shows it as active.
        String rerun = Api.as(ta).body(Map.of("scope", Map.of("problemIds", List.of("q1")), "force", true))
                .post("/api/tasks/" + task + "/grading").then().statusCode(202).extract().path("jobId");
        assertThat(Uploads.awaitJob(ta, rerun).get("status")).isEqualTo("succeeded");
        String student = Api.as(ta).get("/api/tasks/" + task + "/students").then().statusCode(200)
                .extract().path("[0].id");
        Api.as(ta).body(Map.of("score", 0, "comment", "助教复核"))
                .put("/api/tasks/" + task + "/grades/" + student + "/q1").then().statusCode(200)
                .body("override.by", equalTo(name)).body("override.at", notNullValue());
        Map<String, Object> group = Api.as(ta).get("/api/tasks/" + task + "/problems/q1/groups").then()
                .statusCode(200).extract().path("[0]");
        Api.as(ta).body(Map.of("score", 1))
                .post("/api/tasks/" + task + "/problems/q1/groups/" + group.get("groupId") + "/decision")
                .then().statusCode(200);

        // Not theirs: tasks of their own, deleting or sharing this one, providers.
        Api.as(ta).body(Map.of("name", "mine")).post("/api/tasks").then().statusCode(403)
                .body("error", equalTo("ta_forbidden"));
        Api.as(ta).delete("/api/tasks/" + task).then().statusCode(403);
        Api.as(ta).body(Map.of("username", "someone-else")).post("/api/tasks/" + task + "/members").then()
                .statusCode(403);
        Api.as(ta).get("/api/providers").then().statusCode(403).body("error", equalTo("forbidden"));
        Api.as(ta).body(Map.of("kind", "openai", "apiKey", "sk-test-0000", "model", "m"))
                .post("/api/providers").then().statusCode(403);
        Api.as(ta).post("/api/providers/anything/test").then().statusCode(403);
        Api.as(ta).delete("/api/providers/anything").then().statusCode(403);
        Api.as(teacher).get("/api/tasks/" + task).then().statusCode(200);

        // An admin cannot change their own role (the server would lose its administrator).
        String adminId = Api.as(admin).get("/api/auth/me").then().extract().path("id");
        Api.as(admin).body(Map.of("role", "ta")).put("/api/users/" + adminId).then().statusCode(409);
    }
}
