package ai.smartai.backend.account;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.smartai.backend.db.Db;

@ApplicationScoped
public class TokenRepository {

    @Inject
    Db db;

    public Optional<ApiToken> findByHash(String hash) {
        return Optional.ofNullable(db.em().find(ApiToken.class, hash));
    }

    public void persist(ApiToken token) {
        db.em().persist(token);
    }

    /** Expired tokens are useless; keep the table small. */
    public int deleteExpiredBefore(Instant cutoff) {
        return db.em().createQuery("delete from ApiToken where expiresAt < :c").setParameter("c", cutoff)
                .executeUpdate();
    }
}
