package ai.smartai.backend.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;

/** The backend deployable sees only the backend's configuration and serves only the API. */
@QuarkusTest
class BackendAppConfigTest {

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void seesNoFrontendConfiguration() {
        var config = ConfigProvider.getConfig();
        assertThat(config.getValue("quarkus.application.name", String.class)).isEqualTo("smartai-backend");
        assertThat(config.getOptionalValue("smartai.frontend.backend-url", String.class)).isEmpty();
    }

    @Test
    void servesTheApiAndNoPages() {
        given().get("/api/auth/status").then().statusCode(200);
        given().accept("text/html").get("/login").then().statusCode(404);
    }

    @Test
    void servesHealthAndMetricsOnTheManagementPortOnly() {
        given().get(ready).then().log().ifValidationFails().statusCode(200).body("status", equalTo("UP"));
        given().get(metrics).then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
    }
}
