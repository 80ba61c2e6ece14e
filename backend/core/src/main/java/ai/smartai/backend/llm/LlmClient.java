package ai.smartai.backend.llm;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.smartai.backend.config.SmartaiConfig;
import ai.smartai.backend.db.Hashes;
import ai.smartai.backend.metrics.OpsMetrics;
import ai.smartai.model.provider.ProviderKind;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import org.jboss.logging.Logger;

/**
 * One chat call to a teacher's provider, through LangChain4j, with what a real class needs around it: the provider's
 * concurrency and requests-per-minute limits (shared by all of the teacher's tasks), retries with exponential backoff
 * that honour Retry-After, no retry of a refused key, a deadline that bounds every wait, and a cache by (owner,
 * provider, model, prompt) so regrading costs no tokens and no teacher is ever answered from another's replies.
 */
@ApplicationScoped
public class LlmClient {

    private static final Logger LOG = Logger.getLogger(LlmClient.class);

    /**
     * A reply: {@code tokens} is what this call spent (0 from the cache); {@code toolCalls} the tools the model called,
     * when it was offered some (its text may then be empty).
     */
    public record Reply(String text, int tokens, long latencyMs, boolean cached, List<ToolCall> toolCalls) {

        public Reply(String text, int tokens, long latencyMs, boolean cached) {
            this(text, tokens, latencyMs, cached, List.of());
        }
    }

    /** One call of a tool the model was offered: its name and its arguments as a JSON object. */
    public record ToolCall(String name, String arguments) {
    }

    @Inject
    SmartaiConfig config;

    @Inject
    ProviderBreaker breaker;

    @Inject
    LlmCacheRepository cache;

    @Inject
    ProviderAddresses addresses;

    @Inject
    Vertx vertx;

    /** Built models and limits per provider: bounded and forgotten when unused, as keys and settings change. */
    static final int MAX_MODELS = 256;
    static final Duration UNUSED_FOR = Duration.ofHours(1);
    /** Seconds a pooled connection to a provider may stay idle. */
    static final int IDLE_SECONDS = 15;

    // A provider's limits must outlive its calls in flight, so they expire only after a long idle time.
    private final Cache<String, Limits> limits = Caffeine.newBuilder().maximumSize(4 * MAX_MODELS)
            .expireAfterAccess(Duration.ofDays(1)).build();
    private final Cache<String, ChatModel> models = Caffeine.newBuilder().maximumSize(MAX_MODELS)
            .expireAfterAccess(UNUSED_FOR).build();
    private HttpClient http;

    @PostConstruct
    void start() {
        // Idle connections are closed here before a server's own idle limit closes them (30 s for some): a request
        // sent on a connection the server is closing fails after the server may have read it, and its retry would
        // be a second paid call.
        http = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_1_1)
                .setConnectTimeout(10_000).setMaxPoolSize(64).setVerifyHost(true).setForceSni(true)
                .setKeepAliveTimeout(IDLE_SECONDS));
    }

    @PreDestroy
    void stop() {
        http.close();
    }

    /** The deadline of a call nobody waits for interactively (grading, ingest): {@code smartai.llm.max-wait}. */
    public Deadline deadline() {
        return Deadline.after(config.llm().maxWait());
    }

    /** One request's time limit, which is also how long a teacher waits for a provider test. */
    public Duration timeout() {
        return config.llm().timeout();
    }

    public Reply chat(ActiveProvider p, String system, String user, ResponseFormat format) {
        return chat(p, system, user, format, deadline());
    }

    public Reply chat(ActiveProvider p, String system, String user, ResponseFormat format, Deadline deadline) {
        String key = cacheKey(p, system, user);
        LlmCache hit = cache.find(key);
        if (hit != null) {
            return new Reply(hit.getReply(), 0, 0, true);
        }
        Reply reply = call(p, List.of(SystemMessage.from(system), UserMessage.from(user)), format, deadline);
        try {
            cache.store(key, reply.text(), reply.tokens());
        } catch (RuntimeException e) {
            // The same prompt answered twice at once: the other copy is stored.
            LOG.debugf("reply not cached: %s", e.getMessage());
        }
        return reply;
    }

    /** Keeps a good reply for a prompt whose first reply could not be used, so a regrade costs nothing. */
    public void remember(ActiveProvider p, String system, String user, Reply reply) {
        try {
            cache.replace(cacheKey(p, system, user), reply.text(), reply.tokens());
        } catch (RuntimeException e) {
            LOG.debugf("reply not cached: %s", e.getMessage());
        }
    }

    /** One call without the cache; {@code format}: a JSON schema for providers that take one (not Anthropic). */
    public Reply call(ActiveProvider p, List<ChatMessage> messages, ResponseFormat format, Deadline deadline) {
        return call(p, messages, format, List.of(), deadline);
    }

    /**
     * One call without the cache that offers the model {@code tools} (native tool calling in each provider's wire
     * format): the reply carries the calls it chose, or its text when it called none.
     */
    public Reply call(ActiveProvider p, List<ChatMessage> messages, ResponseFormat format,
            List<ToolSpecification> tools, Deadline deadline) {
        long started = System.nanoTime();
        try {
            Reply reply = callWithRetries(p, messages, format, tools, deadline);
            OpsMetrics.llmCall(p.kind().name(), "ok", started, reply.tokens());
            return reply;
        } catch (LlmFailure e) {
            OpsMetrics.llmCall(p.kind().name(), e.kind(), started, 0);
            throw e;
        }
    }

    private Reply callWithRetries(ActiveProvider p, List<ChatMessage> messages, ResponseFormat format,
            List<ToolSpecification> tools, Deadline deadline) {
        Limits l = limits.asMap().compute(p.id(), (id, old) -> old != null && old.fits(p) ? old : new Limits(p));
        int attempts = Math.max(0, config.llm().maxRetries()) + 1;
        Duration backoff = config.llm().backoff();
        for (int attempt = 1;; attempt++) {
            long start = System.nanoTime();
            try {
                l.acquire(p, deadline);
                ChatResponse r;
                try {
                    // Checked after the wait for a slot: calls queued behind the ones that tripped it never go out.
                    if (breaker.isOpen(p)) {
                        throw new LlmFailure(ProviderBreaker.PAUSED, p.displayName()
                                + " is paused: it failed too many calls in a row");
                    }
                    ChatRequest.Builder request = ChatRequest.builder().messages(messages);
                    if (format != null && p.kind() != ProviderKind.ANTHROPIC) {
                        request.responseFormat(format);
                    }
                    if (!tools.isEmpty()) {
                        request.toolSpecifications(tools);
                    }
                    r = model(p).chat(request.build());
                } finally {
                    l.release();
                }
                long ms = (System.nanoTime() - start) / 1_000_000;
                Integer tokens = r.tokenUsage() == null ? null : r.tokenUsage().totalTokenCount();
                String text = r.aiMessage() == null ? null : r.aiMessage().text();
                List<ToolCall> calls = r.aiMessage() == null || !r.aiMessage().hasToolExecutionRequests() ? List.of()
                        : r.aiMessage().toolExecutionRequests().stream()
                                .map(t -> new ToolCall(t.name(), t.arguments() == null ? "{}" : t.arguments()))
                                .toList();
                if (text == null && calls.isEmpty()) {
                    throw new LlmFailure("malformed", p.displayName() + ": the reply had no text");
                }
                return new Reply(text == null ? "" : text, tokens == null ? 0 : tokens, ms, false, calls);
            } catch (LlmFailure e) {
                throw e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw LlmFailure.unreachable(p.displayName(), timeout());
            } catch (RuntimeException e) {
                WireException wire = wire(e);
                int status = wire == null ? 0 : wire.statusCode();
                boolean transient_ = status == 429 || status >= 500 || status == WireException.UNREACHABLE;
                if (!transient_ || attempt >= attempts) {
                    throw failure(p, status, wire, e);
                }
                Duration wait = backoff.multipliedBy(1L << (attempt - 1));
                if (status == 429 && wire.retryAfter() != null) {
                    if (wire.retryAfter().compareTo(config.llm().maxRetryAfter()) > 0) {
                        throw new LlmFailure("rate-limit", p.displayName() + " asked to wait "
                                + wire.retryAfter().toSeconds() + " s (Retry-After), longer than allowed");
                    }
                    wait = wire.retryAfter().compareTo(wait) > 0 ? wire.retryAfter() : wait;
                }
                if (wait.compareTo(deadline.remaining()) >= 0) {
                    // No time left for another try: the last failure is the answer.
                    throw failure(p, status, wire, e);
                }
                LOG.debugf("%s: %s, retry %d in %d ms", p, kind(status), attempt, wait.toMillis());
                sleep(p, wait);
            }
        }
    }

    private LlmFailure failure(ActiveProvider p, int status, WireException wire, RuntimeException e) {
        String said = wire == null || wire.getMessage() == null ? "" : wire.getMessage();
        return switch (status) {
            case 401, 403 -> new LlmFailure("auth", p.displayName() + " refused the key (" + status + "): check your "
                    + "key." + (said.isEmpty() ? "" : " The provider said: " + said));
            case WireException.UNREACHABLE -> LlmFailure.unreachable(p.displayName(), timeout());
            case WireException.REFUSED -> new LlmFailure("refused", p.displayName() + ": " + said);
            case 0 -> {
                // LangChain4j's own parse errors quote the body: the class names are all that is kept. A warning, as
                // a provider whose replies cannot be read is one the operator must hear about.
                LOG.warnf("%s: unreadable reply (%s)", p, causes(e));
                yield new LlmFailure("malformed", p.displayName() + ": the reply could not be read as a chat reply");
            }
            default -> new LlmFailure(kind(status), p.displayName() + " answered " + status
                    + (said.isEmpty() ? "" : ": " + said));
        };
    }

    ChatModel model(ActiveProvider p) {
        String base;
        try {
            base = blank(p.baseUrl()) ? null : BaseUrl.normalise(p.baseUrl());
        } catch (IllegalArgumentException e) {
            throw new LlmFailure("refused", p.displayName() + ": baseUrl " + e.getMessage());
        }
        return models.get(p.id() + "|" + p.signature() + "|" + Integer.toHexString(p.apiKey().hashCode()),
                k -> build(p, base));
    }

    /** Models held, for the bound's test. */
    long modelsHeld() {
        models.cleanUp();
        return models.estimatedSize();
    }

    private ChatModel build(ActiveProvider p, String base) {
        Duration timeout = timeout();
        var wire = WireHttpClient.builder(http, addresses, timeout);
        return switch (p.kind()) {
            case OPENAI -> OpenAiChatModel.builder().httpClientBuilder(wire).apiKey(p.apiKey())
                    .baseUrl(base == null ? "https://api.openai.com/v1" : base).modelName(p.model())
                    .temperature(0.0).timeout(timeout).maxRetries(0).build();
            case ANTHROPIC -> AnthropicChatModel.builder().httpClientBuilder(wire).apiKey(p.apiKey())
                    .baseUrl(base == null ? "https://api.anthropic.com/v1/" : base).modelName(p.model())
                    .temperature(0.0).maxTokens(2048).timeout(timeout).maxRetries(0).build();
            case GEMINI -> GoogleAiGeminiChatModel.builder().httpClientBuilder(wire).apiKey(p.apiKey())
                    .baseUrl(base == null ? "https://generativelanguage.googleapis.com/v1beta" : base)
                    .modelName(p.model()).temperature(0.0).timeout(timeout).maxRetries(0).build();
        };
    }

    /** Owner and provider first: a reply is only ever served to the teacher whose provider gave it. */
    static String cacheKey(ActiveProvider p, String system, String user) {
        return Hashes.sha256(p.ownerId(), p.id(), p.signature(), system, user);
    }

    private static WireException wire(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof WireException w) {
                return w;
            }
        }
        return null;
    }

    private static String causes(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null && b.length() < 300; t = t.getCause()) {
            b.append(b.isEmpty() ? "" : " ← ").append(t.getClass().getName());
            StackTraceElement[] at = t.getStackTrace();
            if (at.length > 0) {
                b.append(" at ").append(at[0].getClassName()).append('.').append(at[0].getMethodName());
            }
        }
        return b.toString();
    }

    private static String kind(int status) {
        return switch (status) {
            case 429 -> "rate-limit";
            case WireException.UNREACHABLE -> "unreachable";
            case WireException.REFUSED -> "refused";
            case 0 -> "malformed";
            default -> status >= 500 ? "server" : "bad-request";
        };
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private void sleep(ActiveProvider p, Duration d) {
        try {
            Thread.sleep(Math.max(0, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LlmFailure.unreachable(p.displayName(), timeout());
        }
    }

    /** One provider's concurrency and requests per minute, for every task of its teacher at once. */
    static final class Limits {
        private final int maxConcurrent;
        private final int rpm;
        private final Semaphore slots;
        private final ArrayDeque<Long> recent = new ArrayDeque<>();

        Limits(ActiveProvider p) {
            this.maxConcurrent = Math.max(1, p.maxConcurrent());
            this.rpm = Math.max(1, p.rpm());
            this.slots = new Semaphore(maxConcurrent, true);
        }

        boolean fits(ActiveProvider p) {
            return maxConcurrent == Math.max(1, p.maxConcurrent()) && rpm == Math.max(1, p.rpm());
        }

        /** A slot and a place in this minute's budget, or a failure once the deadline would pass: no endless wait. */
        void acquire(ActiveProvider p, Deadline deadline) throws InterruptedException {
            if (!slots.tryAcquire(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS)) {
                throw new LlmFailure("busy", p.displayName() + " is busy: all " + maxConcurrent + " of its concurrent "
                        + "calls stayed in use until this call's time ran out");
            }
            while (true) {
                long wait;
                synchronized (recent) {
                    long now = System.nanoTime();
                    while (!recent.isEmpty() && now - recent.peekFirst() >= 60_000_000_000L) {
                        recent.pollFirst();
                    }
                    if (recent.size() < rpm) {
                        recent.addLast(now);
                        return;
                    }
                    wait = 60_000_000_000L - (now - recent.peekFirst());
                }
                if (wait >= deadline.remaining().toNanos()) {
                    slots.release();
                    throw new LlmFailure("rate-limit", p.displayName() + ": its " + rpm + " requests a minute are "
                            + "used up beyond this call's time");
                }
                try {
                    Thread.sleep(Math.max(1, wait / 1_000_000));
                } catch (InterruptedException e) {
                    slots.release();
                    throw e;
                }
            }
        }

        void release() {
            slots.release();
        }
    }
}
