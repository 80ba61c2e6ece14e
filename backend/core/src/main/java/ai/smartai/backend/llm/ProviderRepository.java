package ai.smartai.backend.llm;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.smartai.backend.db.Db;

@ApplicationScoped
public class ProviderRepository {

    @Inject
    Db db;

    /** A teacher's providers in the order they were added: that order is theirs, not the alphabet's. */
    public List<Provider> listOwned(String ownerId) {
        return db.em().createQuery("from Provider where ownerId = :o order by createdAt, id", Provider.class)
                .setParameter("o", ownerId).getResultList();
    }

    /** Only the owner's: anyone else gets empty, which the API answers with 404. */
    public Optional<Provider> findOwned(String id, String ownerId) {
        Provider p = db.em().find(Provider.class, id);
        return p != null && p.getOwnerId().equals(ownerId) ? Optional.of(p) : Optional.empty();
    }

    public void persist(Provider p) {
        db.em().persist(p);
    }

    public void delete(Provider p) {
        db.em().remove(p);
    }
}
