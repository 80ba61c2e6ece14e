package ai.smartai.backend.grading;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.smartai.backend.db.Db;

@ApplicationScoped
public class GradeRepository {

    @Inject
    Db db;

    public List<Grade> list(String taskId) {
        return db.em().createQuery("from Grade where taskId = :t", Grade.class).setParameter("t", taskId)
                .getResultList();
    }

    /** One problem's grades: the workbench and a group decision need a ninth of the task's rows, not all of them. */
    public List<Grade> list(String taskId, String problemId) {
        return db.em().createQuery("from Grade where taskId = :t and problemId = :p", Grade.class)
                .setParameter("t", taskId).setParameter("p", problemId).getResultList();
    }

    public Optional<Grade> find(String studentUid, String problemId) {
        return db.em().createQuery("from Grade where studentUid = :s and problemId = :p", Grade.class)
                .setParameter("s", studentUid).setParameter("p", problemId).getResultStream().findFirst();
    }

    public void persist(Grade grade) {
        db.em().persist(grade);
    }

    public Optional<GradeCache> cached(String inputHash) {
        return Optional.ofNullable(db.em().find(GradeCache.class, inputHash));
    }

    public void cache(GradeCache entry) {
        db.em().persist(entry);
    }

    /** Cached results computed before {@code cutoff} go; a unit that needs one again is simply regraded. */
    public int pruneCacheBefore(Instant cutoff) {
        return db.em().createQuery("delete from GradeCache where createdAt < :c").setParameter("c", cutoff)
                .executeUpdate();
    }
}
