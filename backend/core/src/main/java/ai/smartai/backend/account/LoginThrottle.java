package ai.smartai.backend.account;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.smartai.backend.config.SmartaiConfig;
import ai.smartai.backend.web.ApiException;

/**
 * Failed logins per account name and per client address in a sliding window. Names are counted whether or not the
 * account exists, and the refusal reads the same, so the limit reveals nothing about who has an account.
 */
@ApplicationScoped
public class LoginThrottle {

    @Inject
    SmartaiConfig config;

    Clock clock = Clock.systemUTC();

    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    /** Refuses with 429 while the name or the address has too many recent failures. */
    public void check(String username, String address) {
        long now = clock.millis();
        long wait = Math.max(waitFor("user:" + key(username), config.auth().maxFailures(), now),
                waitFor("ip:" + address, config.auth().maxFailuresPerAddress(), now));
        if (wait > 0) {
            long minutes = Math.max(1, Duration.ofMillis(wait).toMinutes() + 1);
            throw new ApiException(429, "too_many_attempts", "Too many failed logins. Try again in " + minutes
                    + " minute" + (minutes == 1 ? "" : "s") + ".");
        }
    }

    public void failed(String username, String address) {
        long now = clock.millis();
        for (String k : new String[] { "user:" + key(username), "ip:" + address }) {
            Deque<Long> d = failures.computeIfAbsent(k, x -> new ArrayDeque<>());
            synchronized (d) {
                d.addLast(now);
                while (d.size() > 1000) {
                    d.pollFirst();
                }
            }
        }
    }

    /** A success clears the name's failures, not the address's: one good account must not unlock guessing. */
    public void succeeded(String username) {
        failures.remove("user:" + key(username));
    }

    private long waitFor(String k, int max, long now) {
        Deque<Long> d = failures.get(k);
        if (d == null) {
            return 0;
        }
        long window = config.auth().lockout().toMillis();
        synchronized (d) {
            while (!d.isEmpty() && now - d.peekFirst() >= window) {
                d.pollFirst();
            }
            return d.size() >= max ? window - (now - d.peekFirst()) : 0;
        }
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
