package ai.smartai.backend.report;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.smartai.backend.db.Db;

@ApplicationScoped
public class ReleaseRepository {

    @Inject
    Db db;

    public void persist(Object entity) {
        db.em().persist(entity);
    }

    public Optional<Release> find(String tokenHash) {
        return Optional.ofNullable(db.em().find(Release.class, tokenHash));
    }

    public List<Release> list(String taskId) {
        return db.em().createQuery("from Release where taskId = :t order by studentId, createdAt", Release.class)
                .setParameter("t", taskId).getResultList();
    }

    public List<Release> ofStudent(String taskId, String studentId) {
        return db.em().createQuery("from Release where taskId = :t and studentId = :s", Release.class)
                .setParameter("t", taskId).setParameter("s", studentId).getResultList();
    }

    public int accesses(String tokenHash) {
        return db.em().createQuery("select count(a) from ReleaseAccess a where a.tokenHash = :h", Long.class)
                .setParameter("h", tokenHash).getSingleResult().intValue();
    }
}
