package ai.smartai.backend.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.smartai.backend.db.Ids;
import ai.smartai.backend.llm.StubLlm.OpenPort;
import ai.smartai.backend.llm.StubLlm.Step;
import ai.smartai.backend.testing.Api;
import ai.smartai.model.provider.ProviderKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Server-side request forgery through provider base URLs. The test profile allowlists only {@code 127.0.0.1} (the
 * stubs), so everything else here meets the default: private and reserved networks refused, at save and at connect.
 */
@QuarkusTest
class ProviderNetworkTest {

    static StubLlm stub;

    @Inject
    ProviderRepository providers;

    @Inject
    KeyVault vault;

    @BeforeAll
    static void start() throws Exception {
        stub = new StubLlm();
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    static Map<String, Object> provider(String baseUrl, String model) {
        return Map.of("kind", "openai", "baseUrl", baseUrl, "apiKey", "sk-net-0000", "model", model, "displayName",
                "Provider");
    }

    static String add(String token, String baseUrl, String model) {
        return Api.as(token).body(provider(baseUrl, model)).post("/api/providers").then().statusCode(201).extract()
                .path("id");
    }

    static Map<String, Object> test(String token, String id) {
        return Api.as(token).post("/api/providers/" + id + "/test").then().statusCode(200).extract().jsonPath()
                .getMap("$");
    }

    @Test
    void privateLoopbackMetadataAndReservedAddressesAreRefusedByDefault() {
        String token = Api.newTeacherToken();
        for (String url : List.of("http://10.0.0.5/v1", "http://192.168.1.20:11434/v1", "http://172.16.0.1/v1",
                "http://169.254.169.254/latest/meta-data", "http://100.100.100.200/latest", "http://100.64.1.1/v1",
                "http://198.18.0.1/v1", "http://0.0.0.0:11434/v1", "http://255.255.255.255/v1", "http://224.0.0.1/v1",
                "http://[::1]:11434/v1", "http://[fd00:ec2::254]/latest", "http://[fe80::1]/v1",
                "http://[64:ff9b::a9fe:a9fe]/latest", "http://[::ffff:a9fe:a9fe]/latest", "http://[::ffff:10.0.0.5]/",
                "http://localhost:11434/v1")) {
            Api.as(token).body(provider(url, "m")).post("/api/providers").then().statusCode(400)
                    .body("error", equalTo("validation_failed")).body("message", startsWith("baseUrl: "));
        }
        Api.as(token).get("/api/providers").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void aNameThatResolvesToAPrivateAddressIsRefusedWhenConnecting() {
        String token = Api.newTeacherToken();
        String m = LlmPanelApiTest.model("rebind");
        stub.verdict(m, 7, 0.9);
        // Saved while the name pointed elsewhere; now it resolves to this machine (DNS rebinding).
        String owner = LlmPanelApiTest.ownerOf(token);
        String id = Ids.newId();
        QuarkusTransaction.requiringNew().run(() -> {
            Provider p = new Provider(id, owner, java.time.Instant.now());
            p.configure(ProviderKind.OPENAI, stub.url("openai").replace("127.0.0.1", "localhost"), m, "Rebound", 2, 60,
                    true);
            p.setKey(vault.encrypt("sk-rebind-1234", id, owner), KeyVault.mask("sk-rebind-1234"));
            providers.persist(p);
        });
        Map<String, Object> r = test(token, id);
        assertThat(r.get("ok")).isEqualTo(false);
        assertThat((String) r.get("error")).contains("does not allow");
        assertThat(stub.count(m)).isZero();
    }

    @Test
    void baseUrlsLoseTheirFragmentUserinfoAndQuery() {
        String token = Api.newTeacherToken();
        String m = LlmPanelApiTest.model("norm");
        stub.verdict(m, 7, 0.9);
        String clean = stub.url("openai");
        String messy = clean.replace("http://", "http://someone:hunter2@") + "?debug=1#";
        String id = Api.as(token).body(provider(messy, m)).post("/api/providers").then().statusCode(201)
                .body("baseUrl", equalTo(clean)).extract().path("id");
        assertThat(test(token, id).get("ok")).isEqualTo(true);
        StubLlm.Seen seen = stub.seen().stream().filter(s -> m.equals(s.model())).findFirst().orElseThrow();
        assertThat(seen.path()).isEqualTo("/openai/v1/chat/completions");
        assertThat(seen.headers().toString()).doesNotContain("hunter2").doesNotContain("Basic");
        for (String bad : List.of("ftp://127.0.0.1/v1", "file:///etc/passwd", "http:///v1", "javascript:alert(1)",
                "gopher://127.0.0.1:6379/_INFO", "not a url")) {
            Api.as(token).body(provider(bad, m)).post("/api/providers").then().statusCode(400)
                    .body("message", startsWith("baseUrl: "));
        }
        Api.as(token).body(Map.of("baseUrl", "http://127.0.0.1:1/v1#")).put("/api/providers/" + id).then()
                .statusCode(200).body("baseUrl", equalTo("http://127.0.0.1:1/v1"));
    }

    @Test
    void errorBodiesAreNeverEchoedOnlyTheProvidersOwnMessage() {
        String token = Api.newTeacherToken();
        String m = LlmPanelApiTest.model("leak");
        String secret = "db_password=hunter2-" + m;
        // A service that is not a provider answers with its own secrets: not JSON, then JSON with extra fields.
        for (int i = 0; i < 3; i++) {
            stub.script(m, Step.status(500, secret + "\nroot:x:0:0:root:/root:/bin/bash", Map.of()));
        }
        stub.script(m, Step.status(400, "{\"error\":{\"message\":\"quota\\u0007 exceeded\\u001b[31m\"},\"debug\":\""
                + secret + "\"}", Map.of()));
        stub.script(m, Step.status(200, "<html>" + secret + "</html>", Map.of()));
        String id = add(token, stub.url("openai"), m);

        String plain = (String) test(token, id).get("error");
        assertThat(plain).contains("500").doesNotContain("hunter2").doesNotContain("root:");
        String json = (String) test(token, id).get("error");
        assertThat(json).contains("400").contains("quota exceeded").doesNotContain("hunter2")
                .doesNotContainPattern("\\p{Cntrl}");
        String ok200 = (String) test(token, id).get("error");
        assertThat(ok200).doesNotContain("hunter2").doesNotContain("html");
    }

    @Test
    void closedSilentAndNonHttpPortsReadTheSame() throws Exception {
        String token = Api.newTeacherToken();
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        try (OpenPort silent = OpenPort.silent(); OpenPort banner = OpenPort.banner()) {
            String a = (String) test(token, add(token, "http://127.0.0.1:" + closed + "/v1", "m")).get("error");
            String b = (String) test(token, add(token, "http://127.0.0.1:" + silent.port() + "/v1", "m")).get("error");
            String c = (String) test(token, add(token, "http://127.0.0.1:" + banner.port() + "/v1", "m")).get("error");
            assertThat(silent.accepted()).isPositive();
            assertThat(banner.accepted()).isPositive();
            assertThat(a).contains("could not reach the provider").isEqualTo(b).isEqualTo(c);
        }
    }
}
