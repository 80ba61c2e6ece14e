package ai.smartai.backend.task;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.smartai.backend.db.Db;

@ApplicationScoped
public class TaskRepository {

    @Inject
    Db db;

    public void persist(Task task) {
        db.em().persist(task);
    }

    public boolean isMember(String taskId, String userId) {
        return db.em().find(TaskMember.class, new TaskMember.Key(taskId, userId)) != null;
    }

    public List<TaskMember> members(String taskId) {
        return db.em().createQuery("from TaskMember where taskId = :t order by addedAt", TaskMember.class)
                .setParameter("t", taskId).getResultList();
    }

    public void addMember(TaskMember member) {
        db.em().persist(member);
    }

    public List<Invitation> invitations(String taskId) {
        return db.em().createQuery("from Invitation where taskId = :t order by invitedAt", Invitation.class)
                .setParameter("t", taskId).getResultList();
    }

    public List<Invitation> invitationsFor(String username) {
        return db.em().createQuery("from Invitation where username = :u order by invitedAt", Invitation.class)
                .setParameter("u", username).getResultList();
    }

    public Optional<Invitation> invitation(String taskId, String username) {
        return Optional.ofNullable(db.em().find(Invitation.class, new Invitation.Key(taskId, username)));
    }

    public void persist(Invitation invitation) {
        db.em().persist(invitation);
    }

    public void delete(Invitation invitation) {
        db.em().remove(invitation);
    }

    public void removeMember(TaskMember member) {
        db.em().remove(member);
    }

    public Optional<Task> findById(String id) {
        return Optional.ofNullable(db.em().find(Task.class, id));
    }

    /** The tasks a user owns or shares. */
    public List<Task> listAccessible(String userId) {
        return db.em().createQuery("""
                from Task t where t.ownerId = :u
                   or exists (select 1 from TaskMember m where m.taskId = t.id and m.accountId = :u)
                order by t.createdAt desc, t.id""", Task.class)
                .setParameter("u", userId)
                .getResultList();
    }

    /** One UPDATE, so panels of parallel units never lose each other's count. */
    public void addTokens(String taskId, long tokens) {
        db.em().createQuery("update Task set llmTokens = llmTokens + :n where id = :id").setParameter("n", tokens)
                .setParameter("id", taskId).executeUpdate();
    }

    public void delete(Task task) {
        db.em().remove(task);
    }
}
