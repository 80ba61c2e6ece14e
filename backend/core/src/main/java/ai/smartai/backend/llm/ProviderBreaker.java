package ai.smartai.backend.llm;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.smartai.backend.config.SmartaiConfig;
import org.jboss.logging.Logger;

/**
 * A circuit breaker per provider: one that fails its connection test, or {@code smartai.llm.breaker-failures} grading
 * calls in a row, is paused (disabled, with the reason the teacher sees on the settings page), so that one unreachable
 * provider no longer slows every answer of a run; the panel goes on with the other experts and the tools. Our own
 * waits (a full concurrency slot, the per-minute budget) are not the provider's failures and do not count.
 */
@ApplicationScoped
public class ProviderBreaker {

    private static final Logger LOG = Logger.getLogger(ProviderBreaker.class);
    /** The failure of a call the breaker stopped before it went out. */
    public static final String PAUSED = "paused";
    private static final Set<String> OURS = Set.of("busy", "rate-limit", PAUSED);

    @Inject
    SmartaiConfig config;

    @Inject
    ProviderService providers;

    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Set<String> open = ConcurrentHashMap.newKeySet();

    /** Whether calls to this provider are stopped for now (paused during this run). */
    public boolean isOpen(ActiveProvider p) {
        return open.contains(p.id());
    }

    public void succeeded(ActiveProvider p) {
        reset(p.id());
    }

    /** The teacher enabled the provider again, or it passed a test: calls go to it again. */
    public void reset(String providerId) {
        failures.remove(providerId);
        open.remove(providerId);
    }

    /** A grading call failed for good; the Nth in a row pauses the provider. */
    public void failed(ActiveProvider p, LlmFailure e) {
        if (OURS.contains(e.kind())) {
            return;
        }
        int inARow = failures.computeIfAbsent(p.id(), k -> new AtomicInteger()).incrementAndGet();
        if (inARow >= config.llm().breakerFailures()) {
            pause(p, "paused after " + inARow + " failed calls in a row; the last: " + e.getMessage());
        }
    }

    public void testFailed(ActiveProvider p, LlmFailure e) {
        if (!OURS.contains(e.kind())) {
            pause(p, "paused: its connection test failed: " + e.getMessage());
        }
    }

    private void pause(ActiveProvider p, String reason) {
        if (open.add(p.id())) {
            LOG.warnf("Provider %s of %s %s", p.displayName(), p.ownerId(), reason);
            providers.pause(p.ownerId(), p.id(), reason.length() > 1000 ? reason.substring(0, 1000) : reason);
        }
        failures.remove(p.id());
    }
}
