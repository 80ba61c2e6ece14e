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

    /** Ends an account's sessions, all of them or all but one (the one changing its own password). */
    public int revokeAll(String accountId, String exceptHash, Instant at) {
        return db.em().createQuery("update ApiToken set revokedAt = :at where accountId = :a and revokedAt is null"
                + " and tokenHash <> :keep").setParameter("at", at).setParameter("a", accountId)
                .setParameter("keep", exceptHash == null ? "" : exceptHash).executeUpdate();
    }

    /** Expired tokens are useless; keep the table small. */
    public int deleteExpiredBefore(Instant cutoff) {
        return db.em().createQuery("delete from ApiToken where expiresAt < :c").setParameter("c", cutoff)
                .executeUpdate();
    }
}
