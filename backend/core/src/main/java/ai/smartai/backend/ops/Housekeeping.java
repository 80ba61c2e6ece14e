package ai.smartai.backend.ops;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ai.smartai.backend.account.TokenRepository;
import ai.smartai.backend.grading.GradeRepository;
import ai.smartai.backend.llm.LlmCacheRepository;
import ai.smartai.backend.metrics.OpsMetrics;
import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

/**
 * Prunes what would otherwise grow for ever: old grader and LLM cache rows, and expired login tokens. Every replica
 * may run it; the deletes are idempotent.
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);

    @Inject
    HousekeepingConfig config;

    @Inject
    GradeRepository grades;

    @Inject
    LlmCacheRepository replies;

    @Inject
    TokenRepository tokens;

    Clock clock = Clock.systemUTC();

    /** Rows removed from each table by one prune. */
    public record Pruned(int gradeCache, int llmCache, int tokens) {
    }

    // The first run waits, so a starting server (and a test) gets its database to itself.
    @Scheduled(identity = "smartai-housekeeping", every = "${smartai.housekeeping.every:1h}", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        prune();
    }

    @Transactional
    public Pruned prune() {
        Instant now = clock.instant();
        Pruned p = new Pruned(grades.pruneCacheBefore(now.minus(config.gradeCacheAge())),
                replies.pruneBefore(now.minus(config.llmCacheAge())), tokens.deleteExpiredBefore(now));
        OpsMetrics.prunedRows("grade_cache", p.gradeCache());
        OpsMetrics.prunedRows("llm_cache", p.llmCache());
        OpsMetrics.prunedRows("api_token", p.tokens());
        if (p.gradeCache() + p.llmCache() + p.tokens() > 0) {
            LOG.infof("Housekeeping removed %d cached grades, %d cached LLM replies, %d expired tokens",
                    p.gradeCache(), p.llmCache(), p.tokens());
        }
        return p;
    }
}
