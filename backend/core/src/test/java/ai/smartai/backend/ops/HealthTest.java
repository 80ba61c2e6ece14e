package ai.smartai.backend.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ai.smartai.backend.grading.sandbox.Sandbox;
import ai.smartai.backend.testing.Needs;
import io.quarkus.test.junit.QuarkusTest;

/** What an operator's probes see: the database in readiness, the sandbox in wellness, the version in /q/info. */
@QuarkusTest
class HealthTest {

    @Inject
    Sandbox sandbox;

    @Test
    void readinessIncludesTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void readinessHasNoBrokerCheckWithTheInProcessQueue() {
        given().get("/q/health/ready").then().statusCode(200).body("checks.name", not(hasItem("rabbitmq")));
    }

    @Test
    void wellnessSaysTheSandboxCanStart() {
        Needs.bubblewrap(sandbox.isolated());
        given().get("/q/health/well").then().statusCode(200).body("checks.find { it.name == 'sandbox' }.status",
                equalTo("UP")).body("checks.find { it.name == 'sandbox' }.data.isolated", equalTo(true));
    }

    @Test
    void infoNamesTheVersion() {
        given().get("/q/info").then().statusCode(200).body("build.version", not(emptyOrNullString()))
                .body("java.version", not(emptyOrNullString()));
    }
}
