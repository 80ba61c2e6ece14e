package ai.smartai.backend.llm;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;

/**
 * LangChain4j's HTTP seam, on the JDK client: it keeps the Retry-After of a 429 (the stock client drops headers on
 * errors) and never logs a request, whose headers carry the key.
 */
final class WireHttpClient implements dev.langchain4j.http.client.HttpClient {

    private static final HttpClient JDK = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1).build();

    private final Duration timeout;

    WireHttpClient(Duration timeout) {
        this.timeout = timeout;
    }

    static HttpClientBuilder builder(Duration timeout) {
        return new HttpClientBuilder() {
            private Duration connect = Duration.ofSeconds(10);
            private Duration read = timeout;

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
                return read;
            }

            @Override
            public HttpClientBuilder readTimeout(Duration d) {
                // The panel's own timeout wins over a model default.
                return this;
            }

            @Override
            public dev.langchain4j.http.client.HttpClient build() {
                return new WireHttpClient(read);
            }
        };
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
                .timeout(timeout);
        for (Map.Entry<String, List<String>> h : request.headers().entrySet()) {
            for (String v : h.getValue()) {
                if (!h.getKey().equalsIgnoreCase("content-length") && !h.getKey().equalsIgnoreCase("host")) {
                    b.header(h.getKey(), v);
                }
            }
        }
        String body = request.body();
        b.method(request.method().name(), body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        HttpResponse<String> r;
        try {
            r = JDK.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new WireException(WireException.TIMEOUT, "no answer within " + timeout.toSeconds() + " s", null);
        } catch (IOException e) {
            throw new WireException(WireException.UNREACHABLE, "cannot reach " + URI.create(request.url()).getHost()
                    + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()),
                    null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WireException(WireException.UNREACHABLE, "interrupted", null);
        }
        if (r.statusCode() / 100 != 2) {
            throw new WireException(r.statusCode(), shorten(r.body()), retryAfter(r));
        }
        return SuccessfulHttpResponse.builder().statusCode(r.statusCode()).headers(r.headers().map()).body(r.body())
                .build();
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        throw new UnsupportedOperationException("the panel does not stream");
    }

    static Duration retryAfter(HttpResponse<?> r) {
        return r.headers().firstValue("retry-after").map(v -> {
            try {
                return Duration.ofMillis((long) (Double.parseDouble(v.strip()) * 1000));
            } catch (NumberFormatException e) {
                try {
                    var when = java.time.ZonedDateTime.parse(v.strip(),
                            java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
                    return Duration.between(java.time.Instant.now(), when.toInstant());
                } catch (java.time.format.DateTimeParseException bad) {
                    return null;
                }
            }
        }).orElse(null);
    }

    private static String shorten(String body) {
        String b = body == null ? "" : body.strip();
        return b.length() > 500 ? b.substring(0, 500) + "…" : b;
    }
}
