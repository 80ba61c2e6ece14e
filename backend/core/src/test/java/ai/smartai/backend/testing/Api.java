package ai.smartai.backend.testing;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Logs test users in through the real HTTP API. The first account of a fresh database is the admin; teachers are
 * created by it, exactly as in production.
 */
public final class Api {

    public static final String ADMIN = "test-admin";
    public static final String PASSWORD = "correct-horse-battery";

    private Api() {
    }

    public static String adminToken() {
        boolean hasAccounts = given().get("/api/auth/status").then().statusCode(200).extract().path("hasAccounts");
        if (!hasAccounts) {
            given().contentType(ContentType.JSON).body(Map.of("username", ADMIN, "password", PASSWORD))
                    .post("/api/auth/register").then().statusCode(201);
        }
        return login(ADMIN, PASSWORD);
    }

    /** A fresh teacher with a unique name, so tests never see each other's tasks. */
    public static String newTeacherToken() {
        String admin = adminToken();
        String username = "t-" + UUID.randomUUID().toString().substring(0, 12);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", PASSWORD))
                .post("/api/auth/register").then().statusCode(201);
        return login(username, PASSWORD);
    }

    public static String login(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/auth/login").then().statusCode(200).extract().path("token");
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
