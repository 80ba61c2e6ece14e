package ai.smartai.frontend.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;

/** The frontend deployable has no database and no API of its own: it only knows where the backend is. */
@QuarkusTest
class FrontendAppConfigTest {

    @Test
    void seesNoBackendConfiguration() {
        var config = ConfigProvider.getConfig();
        assertThat(config.getValue("quarkus.application.name", String.class)).isEqualTo("smartai-frontend");
        assertThat(config.getValue("smartai.frontend.backend-url", String.class)).isEqualTo("http://localhost:8081");
        assertThat(config.getOptionalValue("quarkus.datasource.db-kind", String.class)).isEmpty();
        assertThat(config.getOptionalValue("quarkus.flyway.migrate-at-start", String.class)).isEmpty();
    }

    @Test
    void servesNoApi() {
        given().get("/api/tasks").then().statusCode(404);
        given().get("/q/health/live").then().statusCode(200);
    }
}
