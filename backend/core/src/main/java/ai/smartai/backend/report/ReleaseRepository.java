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

    /** The views of any of the student's links, newest first. */
    public List<ReleaseAccess> accessLog(String taskId, String studentId) {
        return db.em().createQuery("""
                select a from ReleaseAccess a, Release r
                 where a.tokenHash = r.tokenHash and r.taskId = :t and r.studentId = :s
                 order by a.at desc""", ReleaseAccess.class)
                .setParameter("t", taskId).setParameter("s", studentId).getResultList();
    }

    public int accesses(String tokenHash) {
        return db.em().createQuery("select count(a) from ReleaseAccess a where a.tokenHash = :h", Long.class)
                .setParameter("h", tokenHash).getSingleResult().intValue();
    }
}
