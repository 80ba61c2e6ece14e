package ai.smartai.backend.roster;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.smartai.backend.db.Db;

@ApplicationScoped
public class RosterRepository {

    @Inject
    Db db;

    public List<RosterEntry> list(String taskId) {
        return db.em().createQuery("from RosterEntry where taskId = :t order by position", RosterEntry.class)
                .setParameter("t", taskId).getResultList();
    }

    /** The task's roster becomes these entries; the previous one goes. */
    public void replace(String taskId, List<RosterEntry> entries) {
        db.em().createQuery("delete from RosterEntry where taskId = :t").setParameter("t", taskId).executeUpdate();
        db.em().flush();
        entries.forEach(db.em()::persist);
    }
}
