package ai.smartai.backend.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ai.smartai.backend.account.CurrentUser;
import ai.smartai.backend.db.Db;
import ai.smartai.backend.web.ApiException;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;

/**
 * Who may work on a task: its owner and the members who accepted an invitation. Every feature asks here before it
 * reads or changes a task's data. Another teacher's task answers 404, never 403, so ids leak nothing. A leaf package:
 * it knows the task tables by name only, so any feature can depend on it without a cycle.
 */
@ApplicationScoped
public class TaskAccess {

    /** The caller's access to one task. */
    public record Grant(String taskId, String ownerId, boolean owner) {
    }

    @Inject
    Db db;

    @Transactional
    public Grant require(CurrentUser user, String taskId) {
        String ownerId = taskId == null ? null : db.em().createQuery("select t.ownerId from Task t where t.id = :id",
                String.class).setParameter("id", taskId).getResultStream().findFirst().orElse(null);
        if (ownerId == null) {
            throw ApiException.notFound(MessageCode.THING_TASK, taskId);
        }
        if (ownerId.equals(user.id())) {
            return new Grant(taskId, ownerId, true);
        }
        if (!isMember(taskId, user.id())) {
            throw ApiException.notFound(MessageCode.THING_TASK, taskId);
        }
        return new Grant(taskId, ownerId, false);
    }

    /** Changing who shares a task, or deleting it, is the owner's: a member gets 403 (they can see the task). */
    @Transactional
    public Grant requireOwner(CurrentUser user, String taskId) {
        Grant grant = require(user, taskId);
        if (!grant.owner()) {
            throw new ApiException(403, "owner_only", Message.of(MessageCode.ERR_OWNER_ONLY));
        }
        return grant;
    }

    @Transactional
    public boolean canSee(String userId, String taskId) {
        Long owned = db.em().createQuery("select count(t) from Task t where t.id = :id and t.ownerId = :u", Long.class)
                .setParameter("id", taskId).setParameter("u", userId).getSingleResult();
        return owned > 0 || isMember(taskId, userId);
    }

    private boolean isMember(String taskId, String userId) {
        return db.em().createQuery("select count(m) from TaskMember m where m.taskId = :t and m.accountId = :u",
                Long.class).setParameter("t", taskId).setParameter("u", userId).getSingleResult() > 0;
    }
}
