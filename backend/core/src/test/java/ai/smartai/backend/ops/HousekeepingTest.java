package ai.smartai.backend.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ai.smartai.backend.account.ApiToken;
import ai.smartai.backend.account.TokenRepository;
import ai.smartai.backend.db.Db;
import ai.smartai.backend.grading.GradeCache;
import ai.smartai.backend.grading.GradeRepository;
import ai.smartai.backend.llm.LlmCache;
import ai.smartai.backend.testing.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The scheduled prune removes old cache rows and expired tokens, and leaves everything still in use. */
@QuarkusTest
class HousekeepingTest {

    @Inject
    Housekeeping housekeeping;

    @Inject
    GradeRepository grades;

    @Inject
    TokenRepository tokens;

    @Inject
    Db db;

    @Test
    void pruneRemovesOldCacheRowsAndExpiredTokensOnly() {
        Api.newTeacherToken();
        String account = QuarkusTransaction.requiringNew().call(() -> db.em()
                .createQuery("select a.id from Account a", String.class).setMaxResults(1).getSingleResult());
        Instant now = Instant.now();
        Instant longAgo = now.minus(Duration.ofDays(400));
        String id = UUID.randomUUID().toString().replace("-", "");
        QuarkusTransaction.requiringNew().run(() -> {
            grades.cache(new GradeCache("old" + id, "{}", longAgo));
            grades.cache(new GradeCache("new" + id, "{}", now));
            db.em().persist(new LlmCache("old" + id, "reply", 1, longAgo));
            db.em().persist(new LlmCache("new" + id, "reply", 1, now));
            tokens.persist(new ApiToken("expired" + id, account, longAgo, now.minusSeconds(60)));
            tokens.persist(new ApiToken("live" + id, account, now, now.plusSeconds(3600)));
        });

        Housekeeping.Pruned pruned = housekeeping.prune();

        assertThat(pruned.gradeCache()).isGreaterThanOrEqualTo(1);
        assertThat(pruned.llmCache()).isGreaterThanOrEqualTo(1);
        assertThat(pruned.tokens()).isGreaterThanOrEqualTo(1);
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(grades.cached("old" + id)).isEmpty();
            assertThat(grades.cached("new" + id)).isPresent();
            assertThat(db.em().find(LlmCache.class, "old" + id)).isNull();
            assertThat(db.em().find(LlmCache.class, "new" + id)).isNotNull();
            assertThat(tokens.findByHash("expired" + id)).isEmpty();
            assertThat(tokens.findByHash("live" + id)).isPresent();
        });
    }
}
