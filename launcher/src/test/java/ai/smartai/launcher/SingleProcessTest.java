package ai.smartai.launcher;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** UI, API and health from one process on one port: the page renders a task created through /api. */
@QuarkusTest
class SingleProcessTest {

    static final String PASSWORD = "launcher-password-1";

    @Test
    void pageRendersATaskCreatedThroughTheApi() {
        String token = adminToken();
        String name = "Launcher task " + UUID.randomUUID().toString().substring(0, 6) + " · 作业";
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("name", name))
                .post("/api/tasks").then().statusCode(201).extract().path("id");

        given().cookie("smartai_session", token).accept(ContentType.HTML)
                .get("/")
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString(name))
                .body(containsString("/tasks/" + id));

        given().cookie("smartai_session", token).accept(ContentType.HTML)
                .get("/tasks/" + id)
                .then().statusCode(200)
                .body(containsString(name));
    }

    @Test
    void healthIsReady() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void everyPageFooterShowsTheVersionThatInfoReports() {
        String version = given().get("/q/info").then().statusCode(200).extract().path("build.version");
        given().accept(ContentType.HTML).get("/login").then().statusCode(200)
                .body(containsString("<span id=\"version\">" + version + "</span>"));
    }

    @Test
    void anAdminBacksUpTheRunningServerFromTheSettingsPage() throws Exception {
        String page = given().cookie("smartai_session", adminToken()).header("Accept-Language", "en")
                .contentType(ContentType.URLENC).accept(ContentType.HTML).post("/settings/backup")
                .then().statusCode(200).extract().asString();
        Matcher written = Pattern.compile("Backup written on the server: (\\S+\\.zip) \\(").matcher(page);
        assertThat(written.find()).as(page).isTrue();
        Path archive = Path.of(written.group(1));
        assertThat(archive).isRegularFile();
        Files.delete(archive);
    }

    @Test
    void withoutASessionThePagesSendTheBrowserToLogIn() {
        given().redirects().follow(false).accept(ContentType.HTML).get("/")
                .then().statusCode(303).header("Location", containsString("/login"));
    }

    @Test
    void anExpiredSessionCookieLeadsBackToLogin() {
        given().redirects().follow(false).cookie("smartai_session", "st_revoked").accept(ContentType.HTML).get("/")
                .then().statusCode(303).header("Location", containsString("/login"));
    }

    @Test
    void loginFormSetsAnHttpOnlySessionCookie() {
        adminToken();
        given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("username", "launcher-admin").formParam("password", PASSWORD)
                .post("/login")
                .then().statusCode(303)
                .header("Set-Cookie", containsString("HttpOnly"))
                .header("Set-Cookie", containsString("SameSite=Lax"));
        given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("username", "launcher-admin").formParam("password", "wrong-password-x")
                .post("/login")
                .then().statusCode(401).body(containsString("Wrong username or password"));
    }

    @Test
    void openApiDocumentsTheApiButNotThePages() {
        String doc = given().accept(ContentType.JSON).get("/q/openapi?format=json").then().statusCode(200).extract()
                .asString();
        org.assertj.core.api.Assertions.assertThat(doc).contains("/api/tasks").doesNotContain("\"/login\"");
    }

    static String adminToken() {
        boolean hasAccounts = given().get("/api/auth/status").then().extract().path("hasAccounts");
        if (!hasAccounts) {
            given().contentType(ContentType.JSON).body(Map.of("username", "launcher-admin", "password", PASSWORD))
                    .post("/api/auth/register").then().statusCode(201);
        }
        return given().contentType(ContentType.JSON).body(Map.of("username", "launcher-admin", "password", PASSWORD))
                .post("/api/auth/login").then().statusCode(200).extract().path("token");
    }
}
