package ai.smartai.backend.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.smartai.backend.testing.Api;
import io.quarkus.test.junit.QuarkusTest;

/** Health checks and error bodies say what happened, never a secret, a stack trace or a connection string. */
@QuarkusTest
class HealthAndErrorsLeakNothingTest {

    @Test
    void healthAndErrorBodiesCarryNoSecrets() {
        String token = Api.newTeacherToken();
        String key = "sk-health-secret-0123456789";
        Api.as(token).body(Map.of("kind", "openai", "baseUrl", "http://127.0.0.1:9/v1", "apiKey", key, "model", "m"))
                .post("/api/providers").then().statusCode(201);
        StringBuilder seen = new StringBuilder();
        for (String path : new String[] { "/q/health", "/q/health/live", "/q/health/ready" }) {
            seen.append(given().get(path).then().statusCode(200).extract().asString());
        }
        // Errors of each kind: unauthenticated, not found, invalid JSON, validation, wrong method.
        seen.append(given().get("/api/tasks").then().statusCode(401).extract().asString());
        seen.append(Api.as(token).get("/api/tasks/nope").then().statusCode(404).extract().asString());
        seen.append(Api.as(token).contentType("application/json").body("{not json").post("/api/tasks").then()
                .statusCode(400).extract().asString());
        seen.append(Api.as(token).body(Map.of("name", " ")).post("/api/tasks").then().statusCode(400).extract()
                .asString());
        seen.append(Api.as(token).body(Map.of("kind", "openai", "apiKey", "", "model", "m")).post("/api/providers")
                .then().statusCode(400).extract().asString());
        String all = seen.toString();
        assertThat(all).doesNotContain(key).doesNotContain("jdbc:").doesNotContain("password")
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("master");
    }

    /** The backend draws no pages: a browser asking for HTML gets the contract's JSON, which the UI renders. */
    @Test
    void errorsAreJsonEvenWhenABrowserAsksForHtml() {
        String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        given().accept(browser).get("/tasks/nothing-here").then().statusCode(404)
                .contentType(containsString("application/json")).body("error", equalTo("not_found"))
                .body("message", containsString("/tasks/nothing-here"));
        given().accept(browser).get("/api/tasks").then().statusCode(401)
                .contentType(containsString("application/json")).body("error", equalTo("unauthorized"));
    }
}
