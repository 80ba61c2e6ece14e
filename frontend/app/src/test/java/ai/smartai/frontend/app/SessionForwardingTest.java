package ai.smartai.frontend.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.smartai.frontend.app.RecordingBackend.Call;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Split mode: the frontend's backend calls carry the page's session cookie as a bearer token, each page its own, and
 * the sign-in pages carry none.
 */
@QuarkusTest
@WithTestResource(RecordingBackend.class)
class SessionForwardingTest {

    @BeforeEach
    void forget() {
        RecordingBackend.CALLS.clear();
    }

    @Test
    void aSignedInPageCallsTheBackendWithItsSessionAsBearerToken() {
        String page = given().cookie("smartai_session", "st_page").get("/").then().statusCode(200).extract()
                .asString();
        assertThat(page).contains("as Bearer st_page");
        assertThat(RecordingBackend.CALLS).extracting(Call::path)
                .containsExactlyInAnyOrder("/api/auth/me", "/api/tasks", "/api/invitations");
        assertThat(RecordingBackend.CALLS).extracting(c -> c.authorization().orElse("none"))
                .containsOnly("Bearer st_page");
    }

    @Test
    void theLoginPageCallsTheBackendWithoutAuthorizationEvenWithASessionCookie() {
        given().get("/login").then().statusCode(200);
        given().cookie("smartai_session", "st_left_over").get("/login").then().statusCode(200);
        assertThat(RecordingBackend.CALLS).isNotEmpty().extracting(Call::path).containsOnly("/api/auth/status");
        assertThat(RecordingBackend.CALLS).allSatisfy(c -> assertThat(c.authorization()).isEmpty());
    }

    @Test
    void concurrentPagesEachCarryTheirOwnSession() throws Exception {
        ExecutorService browsers = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> pages = IntStream.range(0, 40).mapToObj(i -> browsers.submit(() -> given()
                    .cookie("smartai_session", "st_" + i).get("/").then().statusCode(200).extract().asString()))
                    .toList();
            for (int i = 0; i < pages.size(); i++) {
                assertThat(pages.get(i).get()).contains("as Bearer st_" + i + "<");
            }
        } finally {
            browsers.shutdownNow();
        }
    }
}
