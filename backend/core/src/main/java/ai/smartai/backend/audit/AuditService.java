package ai.smartai.backend.audit;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ai.smartai.backend.access.TaskAccess;
import ai.smartai.backend.account.CurrentUser;
import ai.smartai.backend.db.Db;
import ai.smartai.backend.db.Ids;
import ai.smartai.backend.db.Json;
import ai.smartai.model.audit.AuditEntry;

/** The audit trail of a task. Recording joins the caller's transaction, so a change and its entry commit together. */
@ApplicationScoped
public class AuditService {

    @Inject
    Db db;

    @Inject
    TaskAccess access;

    Clock clock = Clock.systemUTC();

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String taskId, CurrentUser user, String action, String target, Object before, Object after) {
        db.em().persist(new Audit(Ids.newId(), taskId, clock.instant(), user.username(), action, target,
                before == null ? null : Json.write(before), after == null ? null : Json.write(after)));
    }

    @Transactional
    public List<AuditEntry> list(CurrentUser user, String taskId) {
        access.require(user, taskId);
        return db.em().createQuery("from Audit where taskId = :t order by at desc, id", Audit.class)
                .setParameter("t", taskId).setMaxResults(5000).getResultStream()
                .map(a -> new AuditEntry(a.getId(), a.getAt(), a.getBy(), a.getAction(), a.getTarget(), a.getBefore(),
                        a.getAfter()))
                .toList();
    }
}
