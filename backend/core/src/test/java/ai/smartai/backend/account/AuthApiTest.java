package ai.smartai.backend.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ai.smartai.backend.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class AuthApiTest {

    @Test
    void firstAccountIsAdminAndLaterOnesAreTeachers() {
        String admin = Api.adminToken();
        Api.as(admin).get("/api/auth/me").then().statusCode(200)
                .body("username", equalTo(Api.ADMIN)).body("role", equalTo("admin"));
        String teacher = Api.newTeacherToken();
        Api.as(teacher).get("/api/auth/me").then().statusCode(200).body("role", equalTo("teacher"));
    }

    @Test
    void registrationIsClosedToStrangersOnceAnAccountExists() {
        Api.adminToken();
        given().contentType(ContentType.JSON)
                .body(Map.of("username", "stranger-" + UUID.randomUUID().toString().substring(0, 6), "password",
                        Api.PASSWORD))
                .post("/api/auth/register")
                .then().statusCode(403).body("error", equalTo("registration_closed"));
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        Api.adminToken();
        String wrong = given().contentType(ContentType.JSON)
                .body(Map.of("username", Api.ADMIN, "password", "nope-nope-nope"))
                .post("/api/auth/login").then().statusCode(401).extract().path("message");
        String unknown = given().contentType(ContentType.JSON)
                .body(Map.of("username", "ghost", "password", "nope-nope-nope"))
                .post("/api/auth/login").then().statusCode(401).extract().path("message");
        org.assertj.core.api.Assertions.assertThat(wrong).isEqualTo(unknown);
    }

    @Test
    void adminsListUsersWithoutSecretsAndTeachersAreRefused() {
        String admin = Api.adminToken();
        String teacher = Api.newTeacherToken();
        String body = Api.as(admin).get("/api/users").then().statusCode(200)
                .body("find { it.username == '" + Api.ADMIN + "' }.role", equalTo("admin"))
                .body("find { it.username == '" + Api.ADMIN + "' }.createdAt", notNullValue())
                .body("find { it.username == '" + Api.ADMIN + "' }.lastLoginAt", notNullValue())
                .extract().asString();
        org.assertj.core.api.Assertions.assertThat(body).doesNotContain("password").doesNotContain("$2");
        Api.as(teacher).get("/api/users").then().statusCode(403).body("error", equalTo("forbidden"));
        given().get("/api/users").then().statusCode(401);
    }

    @Test
    void repeatedFailuresLockTheNameWithTheSameAnswerForUnknownNames() {
        String admin = Api.adminToken();
        String name = "locked-" + UUID.randomUUID().toString().substring(0, 6);
        Api.as(admin).body(Map.of("username", name, "password", Api.PASSWORD)).post("/api/auth/register").then()
                .statusCode(201);
        String ghost = "ghost-" + UUID.randomUUID().toString().substring(0, 6);
        for (String user : new String[] { name, ghost }) {
            for (int i = 0; i < 5; i++) {
                given().contentType(ContentType.JSON).body(Map.of("username", user, "password", "wrong-password-x"))
                        .post("/api/auth/login").then().statusCode(401);
            }
        }
        // Now even the right password waits, and a name that does not exist reads exactly the same.
        String locked = given().contentType(ContentType.JSON).body(Map.of("username", name, "password", Api.PASSWORD))
                .post("/api/auth/login").then().statusCode(429).body("error", equalTo("too_many_attempts"))
                .extract().path("message");
        String unknown = given().contentType(ContentType.JSON).body(Map.of("username", ghost, "password",
                Api.PASSWORD)).post("/api/auth/login").then().statusCode(429).extract().path("message");
        org.assertj.core.api.Assertions.assertThat(locked).isEqualTo(unknown).contains("Try again in");
        // Other accounts are not locked out with it.
        Api.login(Api.ADMIN, Api.PASSWORD);
    }

    @Test
    void adminsDisableAndResetAccountsAndAPasswordChangeEndsOtherSessions() {
        String admin = Api.adminToken();
        String name = "managed-" + UUID.randomUUID().toString().substring(0, 6);
        String id = Api.as(admin).body(Map.of("username", name, "password", Api.PASSWORD))
                .post("/api/auth/register").then().statusCode(201).extract().path("id");
        String first = Api.login(name, Api.PASSWORD);
        String second = Api.login(name, Api.PASSWORD);

        // The user changes their password: this session stays, the other one ends.
        Api.as(first).body(Map.of("current", "not-my-password", "password", "a-brand-new-password"))
                .post("/api/auth/password").then().statusCode(400).body("error", equalTo("wrong_password"))
                .body("message", equalTo("current: the current password is not right."))
                .body("messageCode.code", equalTo("err-wrong-password"));
        Api.as(first).body(Map.of("current", Api.PASSWORD, "password", "short"))
                .post("/api/auth/password").then().statusCode(400).body("error", equalTo("validation_failed"))
                .body("message", equalTo("password: must be at least 10 characters"))
                .body("messageCode.code", equalTo("v-password-short"))
                .body("messageCode.args", equalTo(List.of("@field-password")));
        Api.as(first).body(Map.of("current", Api.PASSWORD, "password", "a-brand-new-password"))
                .post("/api/auth/password").then().statusCode(204);
        Api.as(first).get("/api/auth/me").then().statusCode(200);
        Api.as(second).get("/api/auth/me").then().statusCode(401);
        Api.login(name, "a-brand-new-password");

        // An admin disables the account: its sessions end and it cannot log in; enabling and a reset bring it back.
        Api.as(admin).body(Map.of("disabled", true)).put("/api/users/" + id).then().statusCode(200)
                .body("disabled", equalTo(true));
        Api.as(first).get("/api/auth/me").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("username", name, "password", "a-brand-new-password"))
                .post("/api/auth/login").then().statusCode(401);
        Api.as(admin).body(Map.of("disabled", false, "password", "reset-by-the-admin")).put("/api/users/" + id)
                .then().statusCode(200).body("disabled", equalTo(false));
        Api.login(name, "reset-by-the-admin");
        // Teachers cannot manage accounts, and an admin cannot lock themselves out.
        Api.as(Api.newTeacherToken()).body(Map.of("disabled", true)).put("/api/users/" + id).then().statusCode(403);
        String me = Api.as(admin).get("/api/auth/me").then().extract().path("id");
        Api.as(admin).body(Map.of("disabled", true)).put("/api/users/" + me).then().statusCode(409);
        Api.as(admin).body(Map.of("disabled", true)).put("/api/users/nobody").then().statusCode(404);
    }

    @jakarta.inject.Inject
    ai.smartai.backend.db.Db db;

    @Test
    void anAdminOpensAndClosesSelfRegistration() {
        String admin = Api.adminToken();
        String name = "self-" + UUID.randomUUID().toString().substring(0, 6);
        Api.as(Api.newTeacherToken()).body(Map.of("registrationOpen", true)).put("/api/settings").then()
                .statusCode(403);
        try {
            Api.as(admin).body(Map.of("registrationOpen", true)).put("/api/settings").then().statusCode(200)
                    .body("registrationOpen", equalTo(true));
            given().get("/api/auth/status").then().body("registrationOpen", equalTo(true));
            given().contentType(ContentType.JSON).body(Map.of("username", name, "password", Api.PASSWORD))
                    .post("/api/auth/register").then().statusCode(201).body("role", equalTo("teacher"));
        } finally {
            Api.as(admin).body(Map.of("registrationOpen", false)).put("/api/settings").then().statusCode(200)
                    .body("registrationOpen", equalTo(false));
        }
        given().contentType(ContentType.JSON).body(Map.of("username", name + "x", "password", Api.PASSWORD))
                .post("/api/auth/register").then().statusCode(403).body("error", equalTo("registration_closed"));
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = Api.newTeacherToken();
        Api.as(token).get("/api/tasks").then().statusCode(200);
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> db.em()
                .createQuery("update ApiToken set expiresAt = :past where tokenHash = :h")
                .setParameter("past", java.time.Instant.now().minusSeconds(1)).setParameter("h", Tokens.hash(token))
                .executeUpdate());
        Api.as(token).get("/api/tasks").then().statusCode(401).body("error", equalTo("unauthorized"));
    }

    @Test
    void logoutRevokesTheToken() {
        String token = Api.newTeacherToken();
        Api.as(token).get("/api/tasks").then().statusCode(200);
        Api.as(token).post("/api/auth/logout").then().statusCode(204);
        Api.as(token).get("/api/tasks").then().statusCode(401);
    }

    @Test
    void shortPasswordsAreRejected() {
        String admin = Api.adminToken();
        Api.as(admin).body(Map.of("username", "shorty", "password", "123456789"))
                .post("/api/auth/register")
                .then().statusCode(400).body("error", equalTo("validation_failed"))
                .body("message", org.hamcrest.Matchers.containsString("password"));
    }

    @Test
    void statusIsPublic() {
        given().get("/api/auth/status").then().statusCode(200).body("registrationOpen", notNullValue());
    }
}
