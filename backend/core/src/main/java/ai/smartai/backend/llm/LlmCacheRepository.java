package ai.smartai.backend.llm;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ai.smartai.backend.db.Db;

/** Model replies by (owner, provider, model, prompt) hash, each read and write in its own short transaction. */
@ApplicationScoped
public class LlmCacheRepository {

    @Inject
    Db db;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public LlmCache find(String key) {
        return db.em().find(LlmCache.class, key);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void store(String key, String reply, int tokens) {
        if (db.em().find(LlmCache.class, key) == null) {
            db.em().persist(new LlmCache(key, reply, tokens, Instant.now()));
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void replace(String key, String reply, int tokens) {
        LlmCache old = db.em().find(LlmCache.class, key);
        if (old != null) {
            db.em().remove(old);
            db.em().flush();
        }
        db.em().persist(new LlmCache(key, reply, tokens, Instant.now()));
    }

    /** Replies stored before {@code cutoff} go; asking again costs tokens, so the default age is long. */
    @Transactional
    public int pruneBefore(Instant cutoff) {
        return db.em().createQuery("delete from LlmCache where createdAt < :c").setParameter("c", cutoff)
                .executeUpdate();
    }
}
