package ai.smartai.backend.llm;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.smartai.backend.config.SmartaiConfig;
import ai.smartai.backend.web.ApiException;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;

/**
 * Provider tests per teacher in a sliding minute ({@code smartai.llm.tests-per-minute}): each one holds a thread of
 * the bulkhead for up to the provider timeout, so one teacher may not keep the others' tests out.
 */
@ApplicationScoped
class ProviderTestThrottle {

    private static final long MINUTE = Duration.ofMinutes(1).toNanos();

    @Inject
    SmartaiConfig config;

    private final Map<String, ArrayDeque<Long>> recent = new ConcurrentHashMap<>();

    /** Counts one test for {@code ownerId}, or refuses it with 429 and the seconds until the next is allowed. */
    void check(String ownerId) {
        int max = Math.max(1, config.llm().testsPerMinute());
        long now = System.nanoTime();
        ArrayDeque<Long> tests = recent.computeIfAbsent(ownerId, k -> new ArrayDeque<>());
        synchronized (tests) {
            while (!tests.isEmpty() && now - tests.peekFirst() >= MINUTE) {
                tests.pollFirst();
            }
            if (tests.size() >= max) {
                long seconds = Math.max(1, (MINUTE - (now - tests.peekFirst()) + 999_999_999) / 1_000_000_000);
                throw new ApiException(429, "too_many_tests", Message.of(MessageCode.ERR_TOO_MANY_TESTS, max,
                        seconds), Duration.ofSeconds(seconds));
            }
            tests.addLast(now);
        }
    }
}
