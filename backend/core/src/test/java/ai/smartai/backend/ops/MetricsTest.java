package ai.smartai.backend.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ai.smartai.backend.grading.GradeRepository;
import ai.smartai.backend.llm.StubLlm;
import ai.smartai.backend.testing.Api;
import ai.smartai.backend.testing.Uploads;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** After a graded class, a provider test and a failed sign-in, Prometheus finds every series ops watches. */
@QuarkusTest
class MetricsTest {

    @Inject
    GradeRepository grades;

    @Test
    void theScrapeAfterAGradedClassHasTheApplicationSeries() throws Exception {
        String token = Api.newTeacherToken();
        String task = Uploads.demoTask(token, "Metrics");
        // Other tests graded the same answers: without their cached results every grader really runs.
        QuarkusTransaction.requiringNew().run(() -> grades.pruneCacheBefore(Instant.now().plusSeconds(1)));
        // One student's ten answers cover every method and keep the test quick on a busy machine.
        String job = Api.as(token).body(Map.of("scope", Map.of("studentIds", List.of("2023001"))))
                .post("/api/tasks/" + task + "/grading").then()
                .statusCode(202).extract().path("jobId");
        assertThat(Uploads.awaitJob(token, job).get("status")).isEqualTo("succeeded");
        String key = "sk-metrics-" + UUID.randomUUID();
        try (StubLlm stub = new StubLlm()) {
            String model = "metrics-" + UUID.randomUUID().toString().substring(0, 6);
            stub.verdict(model, 8, 0.9);
            String id = Api.as(token).body(Map.of("kind", "openai", "baseUrl", stub.url("openai"), "apiKey", key,
                    "model", model)).post("/api/providers").then().statusCode(201).extract().path("id");
            Api.as(token).post("/api/providers/" + id + "/test").then().statusCode(200);
        }
        given().contentType("application/json").body(Map.of("username", "nobody-" + UUID.randomUUID(), "password",
                "wrong-password")).post("/api/auth/login").then().statusCode(401);

        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(scrape).contains("smartai_grading_queue_depth", "smartai_grading_units_total{method=\"choice\"",
                "smartai_grading_units_total{method=\"sandbox\"",
                "smartai_grading_duration_seconds_count{method=\"cas\"",
                "smartai_grading_duration_seconds_bucket", "smartai_sandbox_runs_seconds_count{outcome=\"completed\"",
                "smartai_llm_calls_seconds_count{outcome=", "smartai_llm_tokens_total{provider=\"openai\"}",
                "smartai_ingest_bytes_total{kind=\"submissions\"", "smartai_auth_login_failures_total",
                "smartai_sse_streams_active", "http_server_requests_seconds_count");
        // Routes by template, and never a key.
        assertThat(scrape).doesNotContain(key).doesNotContain(task);
    }
}
