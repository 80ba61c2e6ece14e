package ai.smartai.backend.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.smartai.backend.config.SmartaiConfig;
import ai.smartai.backend.web.ApiException;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Failed logins, slowed with growing delays so that guessing gets slow while nobody can lock a teacher out:
 * <ul>
 * <li>one account from one address: after {@code maxFailures} failures each further try waits 30 s, then 1, 2, 4 …
 * minutes, up to {@code lockout};</li>
 * <li>one address: {@code maxFailuresPerAddress} failures within {@code lockout} refuse that address (a guesser's
 * machine), whatever names it tries;</li>
 * <li>one account from everywhere: past four times {@code maxFailures} within {@code lockout}, only addresses that
 * signed in to it in the last 30 days may still try, so a distributed guess stalls but the teacher at her usual
 * address still gets in.</li>
 * </ul>
 * Names count whether or not the account exists, and every refusal reads the same. Every map is bounded in size and
 * forgets by time, so a flood of distinct names or addresses cannot grow memory.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int MAX_KEYS = 100_000;
    static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    static final Duration KNOWN_FOR = Duration.ofDays(30);

    @Inject
    SmartaiConfig config;

    Clock clock = Clock.systemUTC();

    /** Failures in the current window: how many, the first and the last. */
    private record Failures(int count, long first, long last) {
        Failures add(long now, long window) {
            return now - first >= window ? new Failures(1, now, now) : new Failures(count + 1, first, now);
        }

        int recent(long now, long window) {
            return now - first >= window ? 0 : count;
        }
    }

    private volatile Cache<String, Failures> failures;
    private volatile Cache<String, Long> known;
    private int maxKeys = MAX_KEYS;

    /** Refuses with 429 while this name from this address must wait. */
    public void check(String username, String address) {
        long now = clock.millis();
        long window = config.auth().lockout().toMillis();
        String user = key(username);
        long wait = Math.max(pairWait(pair(user, address), now), addressWait(address, now, window));
        if (wait <= 0 && !isKnown(user, address)) {
            Failures all = failures().getIfPresent("user:" + user);
            if (all != null && all.recent(now, window) >= 4 * config.auth().maxFailures()) {
                wait = window - (now - all.first());
            }
        }
        if (wait > 0) {
            throw new ApiException(429, "too_many_attempts", waitMessage(wait));
        }
    }

    public void failed(String username, String address) {
        long now = clock.millis();
        long window = config.auth().lockout().toMillis();
        String user = key(username);
        for (String k : new String[] { pair(user, address), "ip:" + address, "user:" + user }) {
            failures().asMap().merge(k, new Failures(1, now, now), (old, one) -> old.add(now, window));
        }
    }

    /** A success clears this name's failures from this address and remembers the address as the account's own. */
    public void succeeded(String username, String address) {
        String user = key(username);
        failures().invalidate(pair(user, address));
        known().put(pair(user, address), clock.millis());
    }

    /** Starts afresh with another bound on the keys each map holds (for the bound's test). */
    synchronized void bound(int keys) {
        maxKeys = keys;
        failures = null;
        known = null;
    }

    /** Keys held, for the bound's test and for metrics. */
    long size() {
        failures().cleanUp();
        known().cleanUp();
        return failures().estimatedSize() + known().estimatedSize();
    }

    private long pairWait(String k, long now) {
        Failures f = failures().getIfPresent(k);
        int over = f == null ? -1 : f.recent(now, config.auth().lockout().toMillis()) - config.auth().maxFailures();
        if (over < 0) {
            return 0;
        }
        long delay = Math.min(config.auth().lockout().toMillis(), FIRST_DELAY.toMillis() << Math.min(over, 20));
        return f.last() + delay - now;
    }

    private long addressWait(String address, long now, long window) {
        Failures f = failures().getIfPresent("ip:" + address);
        return f != null && f.recent(now, window) >= config.auth().maxFailuresPerAddress() ? window - (now - f.first())
                : 0;
    }

    private boolean isKnown(String user, String address) {
        Long at = known().getIfPresent(pair(user, address));
        return at != null && clock.millis() - at < KNOWN_FOR.toMillis();
    }

    private Cache<String, Failures> failures() {
        if (failures == null) {
            synchronized (this) {
                if (failures == null) {
                    failures = Caffeine.newBuilder().maximumSize(maxKeys)
                            .expireAfterWrite(config.auth().lockout()).build();
                }
            }
        }
        return failures;
    }

    private Cache<String, Long> known() {
        if (known == null) {
            synchronized (this) {
                if (known == null) {
                    known = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterWrite(KNOWN_FOR).build();
                }
            }
        }
        return known;
    }

    private static String pair(String user, String address) {
        return "pair:" + user + "|" + address;
    }

    /** In whole minutes: a count of seconds would differ between two names and tell which was tried first. */
    private static Message waitMessage(long millis) {
        long minutes = Math.max(1, (millis + 59_999) / 60_000);
        return minutes == 1 ? Message.of(MessageCode.ERR_LOGIN_WAIT_MINUTE)
                : Message.of(MessageCode.ERR_LOGIN_WAIT_MINUTES, minutes);
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
