package ai.smartai.backend.problem;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.smartai.backend.db.Db;

@ApplicationScoped
public class ProblemRepository {

    @Inject
    Db db;

    public List<Problem> list(String taskId) {
        return db.em().createQuery("from Problem where taskId = :t order by position", Problem.class)
                .setParameter("t", taskId).getResultList();
    }

    public Optional<Problem> find(String taskId, String problemId) {
        return db.em().createQuery("from Problem where taskId = :t and problemId = :p", Problem.class)
                .setParameter("t", taskId).setParameter("p", problemId).getResultStream().findFirst();
    }

    public long count(String taskId) {
        return db.em().createQuery("select count(p) from Problem p where p.taskId = :t", Long.class)
                .setParameter("t", taskId).getSingleResult();
    }

    public double maxTotal(String taskId) {
        Double sum = db.em().createQuery("select sum(p.maxScore) from Problem p where p.taskId = :t", Double.class)
                .setParameter("t", taskId).getSingleResult();
        return sum == null ? 0 : sum;
    }

    public void persist(Problem problem) {
        db.em().persist(problem);
    }

    public void delete(Problem problem) {
        db.em().remove(problem);
    }
}
