package ai.smartai.backend.llm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.smartai.backend.config.SmartaiConfig;
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
import org.jboss.logging.Logger;

/**
 * One chat call to a teacher's provider, through LangChain4j, with what a real class needs around it: the provider's
 * concurrency and requests-per-minute limits (shared by all of the teacher's tasks), retries with exponential backoff
 * that honour Retry-After, no retry of a refused key, and a cache by (model, prompt) so regrading costs no tokens.
 */
@ApplicationScoped
public class LlmClient {

    private static final Logger LOG = Logger.getLogger(LlmClient.class);

    /** A reply: {@code tokens} is what this call spent (0 from the cache). */
    public record Reply(String text, int tokens, long latencyMs, boolean cached) {
    }

    @Inject
    SmartaiConfig config;

    @Inject
    LlmCacheRepository cache;

    private final Map<String, Limits> limits = new ConcurrentHashMap<>();
    private final Map<String, ChatModel> models = new ConcurrentHashMap<>();

    public Reply chat(ActiveProvider p, String system, String user, ResponseFormat format) {
        String key = cacheKey(p, system, user);
        LlmCache hit = cache.find(key);
        if (hit != null) {
            return new Reply(hit.getReply(), 0, 0, true);
        }
        Reply reply = call(p, List.of(SystemMessage.from(system), UserMessage.from(user)), format);
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

    /** One call without the cache, e.g. the connection test. */
    public Reply call(ActiveProvider p, List<ChatMessage> messages) {
        return call(p, messages, null);
    }

    /** {@code format}: a JSON schema for providers that take one; Anthropic gets it from the prompt alone. */
    public Reply call(ActiveProvider p, List<ChatMessage> messages, ResponseFormat format) {
        Limits l = limits.compute(p.id(), (id, old) -> old != null && old.fits(p) ? old : new Limits(p));
        int attempts = Math.max(0, config.llm().maxRetries()) + 1;
        Duration backoff = config.llm().backoff();
        for (int attempt = 1; ; attempt++) {
            long start = System.nanoTime();
            try {
                l.acquire();
                ChatResponse r;
                try {
                    ChatRequest.Builder request = ChatRequest.builder().messages(messages);
                    if (format != null && p.kind() != ai.smartai.model.provider.ProviderKind.ANTHROPIC) {
                        request.responseFormat(format);
                    }
                    r = model(p).chat(request.build());
                } finally {
                    l.release();
                }
                long ms = (System.nanoTime() - start) / 1_000_000;
                Integer tokens = r.tokenUsage() == null ? null : r.tokenUsage().totalTokenCount();
                String text = r.aiMessage() == null ? null : r.aiMessage().text();
                if (text == null) {
                    throw new LlmFailure("malformed", "the reply had no text");
                }
                return new Reply(text, tokens == null ? 0 : tokens, ms, false);
            } catch (LlmFailure e) {
                throw e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LlmFailure("timeout", "interrupted");
            } catch (RuntimeException e) {
                WireException wire = wire(e);
                int status = wire == null ? 0 : wire.statusCode();
                String said = wire == null ? e.getClass().getSimpleName() + ": " + e.getMessage() : wire.getMessage();
                if (status == 401 || status == 403) {
                    throw new LlmFailure("auth", p.displayName() + " refused the key (" + status
                            + "): check your key. The provider said: " + said);
                }
                boolean transient_ = status == 429 || status >= 500 || status == WireException.TIMEOUT
                        || status == WireException.UNREACHABLE;
                if (!transient_ || attempt >= attempts) {
                    throw new LlmFailure(kind(status), p.displayName() + " " + describe(status) + ": " + said);
                }
                Duration wait = backoff.multipliedBy(1L << (attempt - 1));
                if (status == 429 && wire.retryAfter() != null) {
                    if (wire.retryAfter().compareTo(config.llm().maxRetryAfter()) > 0) {
                        throw new LlmFailure("rate-limit", p.displayName() + " asked to wait "
                                + wire.retryAfter().toSeconds() + " s (Retry-After), longer than allowed");
                    }
                    wait = wire.retryAfter().compareTo(wait) > 0 ? wire.retryAfter() : wait;
                }
                LOG.debugf("%s: %s, retry %d in %d ms", p, describe(status), attempt, wait.toMillis());
                sleep(wait);
            }
        }
    }

    private ChatModel model(ActiveProvider p) {
        return models.computeIfAbsent(p.id() + "|" + p.signature() + "|" + Integer.toHexString(p.apiKey().hashCode()),
                k -> build(p));
    }

    private ChatModel build(ActiveProvider p) {
        Duration timeout = config.llm().timeout();
        var http = WireHttpClient.builder(timeout);
        return switch (p.kind()) {
            case OPENAI -> OpenAiChatModel.builder().httpClientBuilder(http).apiKey(p.apiKey())
                    .baseUrl(blank(p.baseUrl()) ? "https://api.openai.com/v1" : p.baseUrl()).modelName(p.model())
                    .temperature(0.0).timeout(timeout).maxRetries(0).build();
            case ANTHROPIC -> AnthropicChatModel.builder().httpClientBuilder(http).apiKey(p.apiKey())
                    .baseUrl(blank(p.baseUrl()) ? "https://api.anthropic.com/v1/" : p.baseUrl()).modelName(p.model())
                    .temperature(0.0).maxTokens(2048).timeout(timeout).maxRetries(0).build();
            case GEMINI -> GoogleAiGeminiChatModel.builder().httpClientBuilder(http).apiKey(p.apiKey())
                    .baseUrl(blank(p.baseUrl()) ? "https://generativelanguage.googleapis.com/v1beta" : p.baseUrl())
                    .modelName(p.model()).temperature(0.0).timeout(timeout).maxRetries(0).build();
        };
    }

    static String cacheKey(ActiveProvider p, String system, String user) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] { p.signature(), system, user }) {
                d.update(part.getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static WireException wire(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof WireException w) {
                return w;
            }
        }
        return null;
    }

    private static String kind(int status) {
        return switch (status) {
            case 429 -> "rate-limit";
            case WireException.TIMEOUT -> "timeout";
            case WireException.UNREACHABLE -> "unreachable";
            case 0 -> "malformed";
            default -> status >= 500 ? "server" : "bad-request";
        };
    }

    private static String describe(int status) {
        return switch (status) {
            case WireException.TIMEOUT -> "timed out";
            case WireException.UNREACHABLE -> "could not be reached";
            case 0 -> "failed";
            default -> "answered " + status;
        };
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(Math.max(0, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmFailure("timeout", "interrupted");
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

        void acquire() throws InterruptedException {
            slots.acquire();
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
                Thread.sleep(Math.max(1, wait / 1_000_000));
            }
        }

        void release() {
            slots.release();
        }
    }
}
