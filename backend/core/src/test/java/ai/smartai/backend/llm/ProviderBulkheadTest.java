package ai.smartai.backend.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import ai.smartai.backend.llm.StubLlm.OpenPort;
import ai.smartai.backend.testing.Api;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * One teacher, or many, testing providers that hang must not take the server down: no request thread waits on a
 * provider, a full bulkhead answers 503 at once, and each teacher has a few tests a minute.
 */
@QuarkusTest
class ProviderBulkheadTest {

    static final ObjectMapper JSON = new ObjectMapper();

    record Timed(int status, String body, String retryAfter, long ms) {
    }

    @Test
    void providerTestsAreRateLimitedPerTeacher() throws Exception {
        try (StubLlm stub = new StubLlm()) {
            String m = LlmPanelApiTest.model("rate");
            stub.verdict(m, 7, 0.9);
            String token = Api.newTeacherToken();
            String id = Api.as(token).body(Map.of("kind", "openai", "baseUrl", stub.url("openai"), "apiKey", "sk-r",
                    "model", m)).post("/api/providers").then().statusCode(201).extract().path("id");
            for (int i = 0; i < 10; i++) {
                Api.as(token).post("/api/providers/" + id + "/test").then().statusCode(200).body("ok", equalTo(true));
            }
            // A slow reply under load may be retried, so count what the refused test adds, not the total.
            long reached = stub.count(m);
            Api.as(token).post("/api/providers/" + id + "/test").then().statusCode(429)
                    .header("Retry-After", matchesPattern("[1-9][0-9]*")).body("error", equalTo("too_many_tests"))
                    .body("message", org.hamcrest.Matchers.containsString("10 provider tests a minute"));
            assertThat(stub.count(m)).isEqualTo(reached);
            // Another teacher's budget is their own.
            String other = Api.newTeacherToken();
            String theirs = Api.as(other).body(Map.of("kind", "openai", "baseUrl", stub.url("openai"), "apiKey",
                    "sk-o", "model", m)).post("/api/providers").then().statusCode(201).extract().path("id");
            Api.as(other).post("/api/providers/" + theirs + "/test").then().statusCode(200).body("ok", equalTo(true));
        }
    }

    @Test
    void fiveHundredHangingProviderTestsLeaveHealthAndTheApiResponsive() throws Exception {
        try (OpenPort silent = OpenPort.silent()) {
            // 50 teachers with 10 tests each: every one within its own rate limit, 500 at once.
            List<String[]> teachers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String token = Api.newTeacherToken();
                String id = Api.as(token).body(Map.of("kind", "openai", "baseUrl", "http://127.0.0.1:"
                        + silent.port() + "/v1", "apiKey", "sk-hang", "model", "hang")).post("/api/providers").then()
                        .statusCode(201).extract().path("id");
                teachers.add(new String[] { token, id });
            }
            String probe = Api.newTeacherToken();
            URI base = URI.create(RestAssured.baseURI + ":" + RestAssured.port);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            // The probes have their own client: 500 connections in one client queue its requests behind them.
            HttpClient probes = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();

            List<Timed> probed = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean firing = new AtomicBoolean(true);
            Thread prober = new Thread(() -> {
                while (firing.get()) {
                    probed.add(timed(probes, HttpRequest.newBuilder(base.resolve("/q/health/ready"))));
                    probed.add(timed(probes, HttpRequest.newBuilder(base.resolve("/api/tasks"))
                            .header("Authorization", "Bearer " + probe)));
                    sleep(100);
                }
            });
            prober.start();
            sleep(300);

            long start = System.nanoTime();
            List<CompletableFuture<Timed>> calls = new ArrayList<>();
            for (String[] t : teachers) {
                for (int i = 0; i < 10; i++) {
                    long sent = System.nanoTime();
                    calls.add(http.sendAsync(HttpRequest.newBuilder(base.resolve("/api/providers/" + t[1] + "/test"))
                            .header("Authorization", "Bearer " + t[0]).header("Accept", "application/json")
                            .POST(BodyPublishers.noBody()).timeout(Duration.ofSeconds(60)).build(),
                            BodyHandlers.ofString()).thenApply(r -> timed(r, sent)));
                }
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            long total = (System.nanoTime() - start) / 1_000_000;
            sleep(500);
            firing.set(false);
            prober.join();

            List<Timed> results = calls.stream().map(CompletableFuture::join).toList();
            List<Timed> answered = results.stream().filter(r -> r.status() == 200).toList();
            List<Timed> busy = results.stream().filter(r -> r.status() == 503).toList();
            long slowestProbe = max(probed);
            System.out.printf("%nMEASURE bulkhead: 500 tests in %d ms: %d answered (slowest %d ms), %d busy (503, "
                    + "slowest %d ms, median %d ms); %d probes of health and /api, slowest %d ms; silent port saw %d "
                    + "connections%n", total, answered.size(), max(answered), busy.size(), max(busy), median(busy),
                    probed.size(), slowestProbe, silent.accepted());

            assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(200, 503));
            assertThat(answered).isNotEmpty().allSatisfy(r -> {
                JsonNode body = JSON.readTree(r.body());
                assertThat(body.path("ok").asBoolean()).isFalse();
                // Unreachable, still waiting for one of the provider's own four slots when the time ran out, or
                // already paused by the circuit breaker after its earlier tests failed.
                assertThat(body.path("error").asText()).containsAnyOf("could not reach the provider", "is busy",
                        "is paused");
                // The test profile's provider timeout is 2 s: no test waits much longer, queue included (the
                // server's own measure; the client's adds this JVM's load, which runs client and server at once).
                assertThat(body.path("latencyMs").asLong()).isLessThan(3_000);
                assertThat(r.ms()).isLessThan(10_000);
            });
            assertThat(busy).isNotEmpty().allSatisfy(r -> {
                JsonNode body = JSON.readTree(r.body());
                assertThat(body.path("error").asText()).isEqualTo("providers_busy");
                assertThat(body.path("message").asText()).isNotBlank();
                assertThat(r.retryAfter()).matches("[1-9][0-9]*");
                assertThat(r.ms()).isLessThan(10_000);
            });
            // A full bulkhead answers at once: refusals come no later than the calls that waited for the provider.
            // (The figures themselves are measured above; on a loaded machine client and server share the cores.)
            assertThat(median(busy)).isLessThanOrEqualTo(Math.max(2_000, median(answered)));
            assertThat(probed).hasSizeGreaterThan(4).allSatisfy(p -> {
                assertThat(p.status()).as(p.body()).isEqualTo(200);
                // Before the bulkhead, health and /api timed out for minutes.
                assertThat(p.ms()).isLessThan(5_000);
            });
        }
    }

    static Timed timed(HttpClient http, HttpRequest.Builder request) {
        long sent = System.nanoTime();
        try {
            return timed(http.send(request.timeout(Duration.ofSeconds(10)).build(), BodyHandlers.ofString()), sent);
        } catch (Exception e) {
            return new Timed(0, e.toString(), null, (System.nanoTime() - sent) / 1_000_000);
        }
    }

    static Timed timed(HttpResponse<String> r, long sent) {
        return new Timed(r.statusCode(), r.body(), r.headers().firstValue("Retry-After").orElse(null),
                (System.nanoTime() - sent) / 1_000_000);
    }

    static long max(List<Timed> all) {
        return all.stream().mapToLong(Timed::ms).max().orElse(-1);
    }

    static long median(List<Timed> all) {
        long[] ms = all.stream().mapToLong(Timed::ms).sorted().toArray();
        return ms.length == 0 ? -1 : ms[ms.length / 2];
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
