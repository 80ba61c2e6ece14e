package ai.smartai.backend.llm;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import org.jboss.logging.Logger;

/**
 * LangChain4j's HTTP seam. It resolves the provider's host once, has {@link ProviderAddresses} check every address,
 * and connects to the checked one while the host name still goes into the Host header, SNI and the certificate check.
 * Of a failed answer it keeps the status, the Retry-After and the provider's own error message, never the body; every
 * way of not getting an HTTP answer reads the same, so a closed port and an open one that is not a provider cannot
 * be told apart. It never logs a request, whose headers carry the key.
 */
final class WireHttpClient implements dev.langchain4j.http.client.HttpClient {

    private static final Logger LOG = Logger.getLogger(WireHttpClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** No chat reply comes near this; a server that sends more is not a provider and may not fill the memory. */
    static final int MAX_REPLY = 4 * 1024 * 1024;
    /** The longest provider error message passed on to the teacher. */
    static final int MAX_MESSAGE = 300;

    private record Reply(int status, Map<String, List<String>> headers, String body, Duration retryAfter) {
    }

    private final HttpClient http;
    private final ProviderAddresses addresses;
    private final Duration timeout;

    WireHttpClient(HttpClient http, ProviderAddresses addresses, Duration timeout) {
        this.http = http;
        this.addresses = addresses;
        this.timeout = timeout;
    }

    static HttpClientBuilder builder(HttpClient http, ProviderAddresses addresses, Duration timeout) {
        return new HttpClientBuilder() {
            private Duration connect = Duration.ofSeconds(10);

            @Override
            public Duration connectTimeout() {
                return connect;
            }

            @Override
            public HttpClientBuilder connectTimeout(Duration d) {
                connect = d == null ? connect : d;
                return this;
            }

            @Override
            public Duration readTimeout() {
                return timeout;
            }

            @Override
            public HttpClientBuilder readTimeout(Duration d) {
                // The panel's own timeout wins over a model default.
                return this;
            }

            @Override
            public dev.langchain4j.http.client.HttpClient build() {
                return new WireHttpClient(http, addresses, timeout);
            }
        };
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        URI uri;
        try {
            uri = new URI(request.url());
        } catch (URISyntaxException e) {
            throw new WireException(WireException.REFUSED, "baseUrl: not a URL", null);
        }
        boolean tls = "https".equalsIgnoreCase(uri.getScheme());
        if (!tls && !"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null) {
            throw new WireException(WireException.REFUSED, "baseUrl: must be an http:// or https:// URL with a host, "
                    + "without credentials or fragment", null);
        }
        int port = BaseUrl.port(uri);
        InetAddress address;
        try {
            address = addresses.pick(uri.getHost(), port);
        } catch (ProviderAddresses.Refused e) {
            throw new WireException(WireException.REFUSED, e.getMessage(), null);
        } catch (UnknownHostException e) {
            throw unreachable(e);
        }
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.valueOf(request.method().name()))
                .setHost(uri.getHost()).setPort(port).setSsl(tls)
                .setURI((uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()))
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(address, port)))
                .setIdleTimeout(timeout.toMillis());
        for (Map.Entry<String, List<String>> h : request.headers().entrySet()) {
            if (!h.getKey().equalsIgnoreCase("content-length") && !h.getKey().equalsIgnoreCase("host")) {
                h.getValue().forEach(v -> options.addHeader(h.getKey(), v));
            }
        }
        String body = request.body();
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        var pending = http.request(options).compose(req -> {
            sent.set(req);
            // Read from the response's own completion, set up before the request goes: a reader chained after it
            // may run on another event loop once a pooled connection's loop has delivered the whole body and its
            // end, and a good reply would then look like a failure (and be asked again, paid twice).
            Promise<Reply> reply = Promise.promise();
            req.response().compose(WireHttpClient::read).onComplete(reply);
            (body == null ? req.end() : req.end(body)).onFailure(reply::tryFail);
            return reply.future();
        }).toCompletionStage().toCompletableFuture();
        Reply r;
        try {
            r = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            abort(sent);
            throw unreachable(e);
        } catch (InterruptedException e) {
            abort(sent);
            Thread.currentThread().interrupt();
            throw unreachable(e);
        } catch (ExecutionException e) {
            throw unreachable(e.getCause());
        }
        if (r.status() / 100 != 2) {
            throw new WireException(r.status(), providerMessage(r.body()), r.retryAfter());
        }
        return SuccessfulHttpResponse.builder().statusCode(r.status()).headers(r.headers()).body(r.body()).build();
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        throw new UnsupportedOperationException("the panel does not stream");
    }

    /** The body up to {@link #MAX_REPLY}; past it the request is reset. */
    private static Future<Reply> read(HttpClientResponse resp) {
        Promise<Reply> done = Promise.promise();
        Buffer body = Buffer.buffer();
        resp.handler(chunk -> {
            if (body.length() + chunk.length() > MAX_REPLY) {
                done.tryFail(new IOException("a reply over " + MAX_REPLY + " bytes"));
                resp.request().reset();
            } else {
                body.appendBuffer(chunk);
            }
        });
        resp.exceptionHandler(done::tryFail);
        resp.endHandler(v -> done.tryComplete(new Reply(resp.statusCode(), headers(resp.headers()),
                body.toString(StandardCharsets.UTF_8), retryAfter(resp.getHeader("retry-after")))));
        return done.future();
    }

    private static Map<String, List<String>> headers(MultiMap m) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String name : m.names()) {
            out.put(name, m.getAll(name));
        }
        return out;
    }

    private static void abort(AtomicReference<HttpClientRequest> sent) {
        HttpClientRequest req = sent.get();
        if (req != null) {
            req.reset();
        }
    }

    /** One answer for a refused port, a silent one, a reset, TLS trouble or a stranger's protocol. */
    private static WireException unreachable(Throwable cause) {
        LOG.debugf(cause, "no HTTP answer from a provider: %s", cause == null ? "?" : cause.getClass().getSimpleName());
        return new WireException(WireException.UNREACHABLE, "", null);
    }

    /**
     * The provider's own error message ({@code error.message} in the OpenAI, Anthropic and Gemini schemas), without
     * control characters and shortened; empty when the body has none. The rest of the body is never shown: a
     * service that is not a provider may answer with its secrets.
     */
    static String providerMessage(String body) {
        JsonNode tree;
        try {
            tree = body == null ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return "";
        }
        JsonNode message = tree == null ? null : tree.path("error").path("message");
        if (message == null || !message.isTextual()) {
            return "";
        }
        String clean = message.asText().replaceAll("\u001b\\[[0-9;?]*[ -/]*[@-~]", "")
                .replaceAll("[\\p{Cc}\\p{Cf}]", " ").replaceAll("\\s+", " ").strip();
        return clean.length() > MAX_MESSAGE ? clean.substring(0, MAX_MESSAGE) + "…" : clean;
    }

    static Duration retryAfter(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofMillis((long) (Double.parseDouble(value.strip()) * 1000));
        } catch (NumberFormatException e) {
            try {
                return Duration.between(Instant.now(), ZonedDateTime.parse(value.strip(),
                        DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException bad) {
                return null;
            }
        }
    }
}
