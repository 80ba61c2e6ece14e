package ai.smartai.backend.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;

/**
 * The HTTP seam against the stub: the host is resolved once, checked, and the connection goes to the checked address
 * while the name stays in the Host header; a name that rebinds to a private address is refused at connect time.
 */
class WireHttpClientTest {

    static StubLlm stub;
    static Vertx vertx;
    static HttpClient http;

    @BeforeAll
    static void start() throws Exception {
        stub = new StubLlm().verdict("wire", 7, 0.9);
        vertx = Vertx.vertx();
        http = vertx.createHttpClient();
    }

    @AfterAll
    static void stop() {
        stub.close();
        vertx.close();
    }

    static HttpRequest chat(String baseUrl) {
        return HttpRequest.builder().method(HttpMethod.POST).url(baseUrl + "/chat/completions")
                .addHeader("Content-Type", "application/json").addHeader("Authorization", "Bearer sk-wire")
                .body("{\"model\":\"wire\",\"messages\":[]}").build();
    }

    @Test
    void connectsToTheCheckedAddressAndKeepsTheNameForTheHost() {
        AtomicInteger lookups = new AtomicInteger();
        // provider.test exists only in this resolver: if the client looked the name up again, it would fail.
        ProviderAddresses addresses = new ProviderAddresses(false, List.of("127.0.0.0/8"), host -> {
            lookups.incrementAndGet();
            if (!host.equals("provider.test")) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] { InetAddress.getByName("127.0.0.1") };
        });
        WireHttpClient wire = new WireHttpClient(http, addresses, Duration.ofSeconds(5));
        String url = stub.url("openai").replace("127.0.0.1", "provider.test");
        var response = wire.execute(chat(url));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(lookups.get()).isEqualTo(1);
        StubLlm.Seen seen = stub.seen().get(stub.seen().size() - 1);
        assertThat(seen.headers().get("Host")).singleElement().asString().startsWith("provider.test:");
    }

    @Test
    void aNameThatRebindsToAPrivateAddressIsRefusedWhenConnecting() {
        AtomicInteger lookups = new AtomicInteger();
        // Public when the URL was saved, this machine when it is called.
        ProviderAddresses addresses = new ProviderAddresses(false, List.of(), host -> new InetAddress[] {
                InetAddress.getByName(lookups.getAndIncrement() == 0 ? "93.184.216.34" : "127.0.0.1") });
        WireHttpClient wire = new WireHttpClient(http, addresses, Duration.ofSeconds(5));
        String url = stub.url("openai").replace("127.0.0.1", "rebind.test");
        assertThatCode(() -> addresses.pick("rebind.test", 443)).doesNotThrowAnyException();
        long before = stub.count("wire");
        assertThatThrownBy(() -> wire.execute(chat(url))).isInstanceOfSatisfying(WireException.class,
                e -> assertThat(e.statusCode()).isEqualTo(WireException.REFUSED));
        assertThat(stub.count("wire")).isEqualTo(before);
    }

    @Test
    void onlyTheProvidersOwnErrorMessageIsKept() {
        assertThat(WireHttpClient.providerMessage("{\"error\":{\"message\":\"Incorrect API key provided\"}}"))
                .isEqualTo("Incorrect API key provided");
        assertThat(WireHttpClient.providerMessage("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\","
                + "\"message\":\"Overloaded\"}}")).isEqualTo("Overloaded");
        assertThat(WireHttpClient.providerMessage("{\"error\":{\"code\":400,\"message\":\"API key not valid.\","
                + "\"status\":\"INVALID_ARGUMENT\"},\"secret\":\"db_password=x\"}")).isEqualTo("API key not valid.");
        assertThat(WireHttpClient.providerMessage("db_password=hunter2")).isEmpty();
        assertThat(WireHttpClient.providerMessage("{\"error\":\"db_password=hunter2\"}")).isEmpty();
        assertThat(WireHttpClient.providerMessage("{\"error\":{\"message\":\"a\\u0000b\\u001b[2Jc\\u202ed\"}}"))
                .isEqualTo("a bc d");
        assertThat(WireHttpClient.providerMessage("{\"error\":{\"message\":\"" + "x".repeat(5000) + "\"}}"))
                .hasSize(WireHttpClient.MAX_MESSAGE + 1);
    }
}
