package ai.smartai.backend.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ai.smartai.backend.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The login limit slows guessing without letting a stranger lock a teacher out. The tests' client is this machine,
 * a trusted proxy, so X-Forwarded-For plays the part of browsers at different addresses.
 */
@QuarkusTest
class LoginThrottleTest {

    @Inject
    LoginThrottle throttle;

    static Response login(String name, String password, String from) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", from)
                .body(Map.of("username", name, "password", password)).post("/api/auth/login");
    }

    @Test
    void aStrangerCannotLockATeacherOutOfHerUsualAddress() {
        String admin = Api.adminToken();
        String name = "teacher-" + UUID.randomUUID().toString().substring(0, 6);
        Api.as(admin).body(Map.of("username", name, "password", Api.PASSWORD)).post("/api/auth/register").then()
                .statusCode(201);
        String home = "198.51.100." + (1 + (int) (Math.random() * 200));
        login(name, Api.PASSWORD, home).then().statusCode(200);
        // A distributed guess: 20 wrong passwords from 4 addresses, each under its own limit.
        for (int a = 0; a < 4; a++) {
            for (int i = 0; i < 5; i++) {
                login(name, "wrong-" + i, "203.0.113." + (10 + a)).then().statusCode(401);
            }
        }
        // A new address now waits for this account…
        login(name, Api.PASSWORD, "203.0.113.99").then().statusCode(429);
        // …but the teacher at her usual address signs in.
        login(name, Api.PASSWORD, home).then().statusCode(200);
    }

    @Test
    void repeatedFailuresFromOneAddressWaitLongerEachTime() {
        String name = "ghost-" + UUID.randomUUID().toString().substring(0, 6);
        String from = "192.0.2." + (1 + (int) (Math.random() * 200));
        for (int i = 0; i < 5; i++) {
            login(name, "wrong", from).then().statusCode(401);
        }
        String message = login(name, "wrong", from).then().statusCode(429).extract().path("message");
        assertThat(message).contains("Try again in a minute");
        // Another name from the same address is not held up by it.
        login("other-" + name, "wrong", from).then().statusCode(401);
    }

    @Test
    void tenThousandDistinctFailuresDoNotGrowTheThrottlePastItsBound() {
        throttle.bound(1000);
        try {
            for (int i = 0; i < 10_000; i++) {
                throttle.failed("user-" + i, "10.0." + (i / 250) + "." + (i % 250));
            }
            assertThat(throttle.size()).isLessThanOrEqualTo(2 * 1000);
        } finally {
            throttle.bound(LoginThrottle.MAX_KEYS);
        }
    }
}
