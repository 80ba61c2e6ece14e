package ai.smartai.backend.task;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.smartai.backend.db.Db;

/**
 * The dashboard's figures for many tasks in one query: problems, points, students, and over the grades the sum of the
 * scores that count and how many wait for the teacher (columns the Grade entity keeps, so the rules stay there).
 */
@ApplicationScoped
public class TaskSummaries {

    /** One task's figures. */
    public record Figures(int problems, double maxTotal, int students, long grades, double scoreSum, int needsReview) {
        static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0);
    }

    @Inject
    Db db;

    public Map<String, Figures> of(List<String> taskIds) {
        Map<String, Figures> out = new HashMap<>();
        if (taskIds.isEmpty()) {
            return out;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = db.em().createNativeQuery("""
                select t.id,
                  (select count(*) from problem p where p.task_id = t.id),
                  (select coalesce(sum(p.max_score), 0) from problem p where p.task_id = t.id),
                  (select count(*) from student s where s.task_id = t.id),
                  (select count(*) from grade g where g.task_id = t.id),
                  (select coalesce(sum(g.effective_score), 0) from grade g where g.task_id = t.id),
                  (select count(*) from grade g where g.task_id = t.id and g.awaiting_review)
                from task t where t.id in (:ids)""")
                .setParameter("ids", taskIds).getResultList();
        for (Object[] r : rows) {
            out.put((String) r[0], new Figures(((Number) r[1]).intValue(), ((Number) r[2]).doubleValue(),
                    ((Number) r[3]).intValue(), ((Number) r[4]).longValue(), ((Number) r[5]).doubleValue(),
                    ((Number) r[6]).intValue()));
        }
        return out;
    }

    public Figures of(String taskId) {
        return of(List.of(taskId)).getOrDefault(taskId, Figures.NONE);
    }
}
