package ai.smartai.backend.grading;

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

    public Optional<Grade> find(String studentUid, String problemId) {
        return db.em().createQuery("from Grade where studentUid = :s and problemId = :p", Grade.class)
                .setParameter("s", studentUid).setParameter("p", problemId).getResultStream().findFirst();
    }

    public void persist(Grade grade) {
        db.em().persist(grade);
    }

    public long count(String taskId) {
        return db.em().createQuery("select count(g) from Grade g where g.taskId = :t", Long.class)
                .setParameter("t", taskId).getSingleResult();
    }

    /** For the dashboard: how many grades, the sum of the scores that count, how many need review. */
    public Totals totals(String taskId) {
        Object[] row = db.em().createQuery("""
                select count(g),
                       sum(case when g.overrideAt is not null and g.overrideScore is not null then g.overrideScore
                                else coalesce(g.score, 0) end)
                from Grade g where g.taskId = :t""", Object[].class)
                .setParameter("t", taskId).getSingleResult();
        // Review reasons are a JSON column; reading the short lists is simpler than comparing JSON text in SQL.
        int review = (int) db.em().createQuery(
                "select g.reviewReasons from Grade g where g.taskId = :t and g.overrideAt is null", List.class)
                .setParameter("t", taskId).getResultStream().filter(r -> !((List<?>) r).isEmpty()).count();
        return new Totals(((Number) row[0]).longValue(), row[1] == null ? 0 : ((Number) row[1]).doubleValue(), review);
    }

    public record Totals(long grades, double scoreSum, int needsReview) {
    }

    public Optional<GradeCache> cached(String inputHash) {
        return Optional.ofNullable(db.em().find(GradeCache.class, inputHash));
    }

    public void cache(GradeCache entry) {
        db.em().persist(entry);
    }
}
