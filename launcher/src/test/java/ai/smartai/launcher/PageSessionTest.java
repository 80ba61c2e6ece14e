package ai.smartai.launcher;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Which session a page acts as towards the backend, and how a refused form comes back. */
@QuarkusTest
class PageSessionTest {

    @Test
    void theSignUpFormActsAsNobodyWhateverSessionTheBrowserHolds() {
        String admin = SingleProcessTest.adminToken();
        String name = "walk-in-" + UUID.randomUUID().toString().substring(0, 6);
        // Registration is closed; the admin's cookie, still in the browser, does not make this an admin's request.
        given().redirects().follow(false).cookie("smartai_session", admin).contentType(ContentType.URLENC)
                .formParam("username", name).formParam("password", "walk-in-password-1")
                .formParam("confirm", "walk-in-password-1").post("/register")
                .then().statusCode(403).body(containsString("Registration is closed"));
        given().contentType(ContentType.JSON).body(Map.of("username", name, "password", "walk-in-password-1"))
                .post("/api/auth/login").then().statusCode(401);
    }

    @Test
    void aFormTheBackendRefusesComesBackFilledInWithItsMessageAndStatus() {
        String admin = SingleProcessTest.adminToken();
        given().cookie("smartai_session", admin).contentType(ContentType.URLENC)
                .formParam("username", "launcher-admin").formParam("displayName", "Second Admin")
                .formParam("password", SingleProcessTest.PASSWORD).post("/settings/accounts")
                .then().statusCode(409).contentType(containsString("text/html"))
                .body(containsString("is already taken")).body(containsString("value=\"Second Admin\""));
    }
}
