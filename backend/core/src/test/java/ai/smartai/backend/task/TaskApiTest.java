package ai.smartai.backend.task;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.smartai.backend.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

@QuarkusTest
class TaskApiTest {

    String token;

    @BeforeEach
    void login() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        token = Api.newTeacherToken();
    }

    @Test
    void createsAndListsTasks() {
        String id = Api.as(token).body(Map.of("name", "Homework 2 · 第二次作业"))
                .post("/api/tasks")
                .then().statusCode(201)
                .header("Location", containsString("/api/tasks/"))
                .body("name", equalTo("Homework 2 · 第二次作业"))
                .body("status", equalTo("draft"))
                .body("createdAt", notNullValue())
                .extract().path("id");

        Api.as(token).get("/api/tasks")
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].id", equalTo(id))
                .body("[0].problemCount", equalTo(0))
                .body("[0].studentCount", equalTo(0))
                .body("[0].updatedAt", notNullValue());

        Api.as(token).get("/api/tasks/" + id)
                .then().statusCode(200)
                .body("settings.passThreshold", equalTo(0.6f));
    }

    @Test
    void rejectsABlankNameWithTheContractsErrorJson() {
        Api.as(token).body(Map.of("name", "  "))
                .post("/api/tasks")
                .then().statusCode(400)
                .contentType(ContentType.JSON)
                .body("error", equalTo("validation_failed"))
                .body("message", equalTo("name: must not be blank"))
                // Coded, so a page says it in the teacher's language: the field is named in it too.
                .body("messageCode.code", equalTo("v-not-blank"))
                .body("messageCode.args", equalTo(List.of("@field-name")));
        // A rename to blank is refused by the service itself, in the same words and code.
        String id = Api.as(token).body(Map.of("name", "to rename")).post("/api/tasks").then().statusCode(201)
                .extract().path("id");
        Api.as(token).body(Map.of("name", " ")).put("/api/tasks/" + id).then().statusCode(400)
                .body("message", equalTo("name: must not be blank"))
                .body("messageCode.code", equalTo("v-not-blank"));
    }

    @Test
    void rejectsMalformedJsonWithTheContractsErrorJson() {
        Api.as(token).body("{\"name\": ")
                .post("/api/tasks")
                .then().statusCode(400)
                .body("error", equalTo("invalid_json"));
    }

    @Test
    void requiresABearerToken() {
        given().accept(ContentType.JSON).get("/api/tasks")
                .then().statusCode(401)
                .body("error", equalTo("unauthorized"));
        given().auth().oauth2("st_not-a-real-token").accept(ContentType.JSON).get("/api/tasks")
                .then().statusCode(401)
                .body("error", equalTo("unauthorized"));
    }

    @Test
    void anotherTeachersTaskAnswers404() {
        String id = Api.as(token).body(Map.of("name", "private")).post("/api/tasks").then().statusCode(201)
                .extract().path("id");
        String other = Api.newTeacherToken();
        Api.as(other).get("/api/tasks/" + id).then().statusCode(404).body("error", equalTo("not_found"));
        Api.as(other).delete("/api/tasks/" + id).then().statusCode(404);
        Api.as(other).get("/api/tasks").then().statusCode(200).body("id", not(hasItem(id)));
    }

    @Test
    void renamesAndDeletesATask() {
        String id = Api.as(token).body(Map.of("name", "draft name")).post("/api/tasks").then().statusCode(201)
                .extract().path("id");
        Api.as(token).body(Map.of("name", "final name", "settings", Map.of("passThreshold", 0.5)))
                .put("/api/tasks/" + id)
                .then().statusCode(200)
                .body("name", equalTo("final name"))
                .body("settings.passThreshold", equalTo(0.5f));
        Api.as(token).body(Map.of("settings", Map.of("passThreshold", 1.5)))
                .put("/api/tasks/" + id)
                .then().statusCode(400).body("message", containsString("passThreshold"));
        Api.as(token).delete("/api/tasks/" + id).then().statusCode(204);
        Api.as(token).get("/api/tasks/" + id).then().statusCode(404);
    }

    @Test
    void unknownApiPathsAnswerJson404() {
        Api.as(token).get("/api/no-such-thing").then().statusCode(404).body("error", equalTo("not_found"));
    }
}
