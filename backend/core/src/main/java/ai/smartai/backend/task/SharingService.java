package ai.smartai.backend.task;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ai.smartai.backend.account.AccountRepository;
import ai.smartai.backend.account.CurrentUser;
import ai.smartai.backend.audit.AuditService;
import ai.smartai.backend.web.ApiException;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import ai.smartai.model.task.TaskInvitation;
import ai.smartai.model.task.TaskMemberView;

/**
 * Who works on a task. The owner invites a user name; the answer is the same whether or not such an account exists,
 * so sharing cannot be used to find out who has one. Only the invitee's acceptance makes a member.
 */
@ApplicationScoped
public class SharingService {

    @Inject
    TaskRepository tasks;

    @Inject
    TaskService taskService;

    @Inject
    AccountRepository accounts;

    @Inject
    AuditService audit;

    Clock clock = Clock.systemUTC();

    /** The owner first, then the members, then the names invited and not yet accepted. */
    @Transactional
    public List<TaskMemberView> members(CurrentUser user, String id) {
        Task task = taskService.require(user, id);
        List<TaskMemberView> out = new ArrayList<>();
        accounts.findById(task.getOwnerId()).ifPresent(a -> out.add(new TaskMemberView(a.getId(), a.getUsername(),
                a.getDisplayName(), "owner")));
        for (TaskMember m : tasks.members(id)) {
            accounts.findById(m.getAccountId()).ifPresent(a -> out.add(new TaskMemberView(a.getId(), a.getUsername(),
                    a.getDisplayName(), "member")));
        }
        tasks.invitations(id).forEach(i -> out.add(new TaskMemberView(null, i.getUsername(), null, "invited")));
        return out;
    }

    @Transactional
    public List<TaskMemberView> invite(CurrentUser user, String id, String username) {
        Task task = taskService.requireOwner(user, id);
        String name = normalise(username);
        if (name.isEmpty()) {
            throw ApiException.badRequest("validation_failed", Message.of(MessageCode.V_NOT_BLANK,
                    MessageCode.FIELD_USERNAME));
        }
        boolean alreadyIn = accounts.findByUsername(name).map(a -> a.getId().equals(task.getOwnerId())
                || tasks.isMember(id, a.getId())).orElse(false);
        if (!alreadyIn && tasks.invitation(id, name).isEmpty()) {
            tasks.persist(new Invitation(id, name, user.id(), clock.instant()));
            audit.record(id, user, "task.member.invite", name, null, Map.of("invited", name));
        }
        return members(user, id);
    }

    /** Takes back an invitation not yet accepted. */
    @Transactional
    public void withdraw(CurrentUser user, String id, String username) {
        taskService.requireOwner(user, id);
        Invitation invitation = tasks.invitation(id, normalise(username))
                .orElseThrow(() -> ApiException.notFound(MessageCode.THING_INVITATION, username));
        tasks.delete(invitation);
        audit.record(id, user, "task.member.withdraw", invitation.getUsername(), Map.of("invited",
                invitation.getUsername()), null);
    }

    @Transactional
    public void removeMember(CurrentUser user, String id, String accountId) {
        taskService.requireOwner(user, id);
        TaskMember m = tasks.members(id).stream().filter(x -> x.getAccountId().equals(accountId)).findFirst()
                .orElseThrow(() -> ApiException.notFound(MessageCode.THING_MEMBER, accountId));
        tasks.removeMember(m);
        audit.record(id, user, "task.member.remove", accountId, Map.of("member", accountId), null);
    }

    /** The caller's open invitations. */
    @Transactional
    public List<TaskInvitation> invitations(CurrentUser user) {
        List<TaskInvitation> out = new ArrayList<>();
        for (Invitation i : tasks.invitationsFor(normalise(user.username()))) {
            tasks.findById(i.getTaskId()).ifPresent(t -> out.add(new TaskInvitation(t.getId(), t.getName(),
                    accounts.findById(i.getInvitedBy()).map(a -> a.getDisplayName()).orElse(""), i.getInvitedAt())));
        }
        return out;
    }

    @Transactional
    public void accept(CurrentUser user, String taskId) {
        Invitation invitation = open(user, taskId);
        tasks.delete(invitation);
        if (!tasks.isMember(taskId, user.id())) {
            tasks.addMember(new TaskMember(taskId, user.id(), clock.instant()));
        }
        audit.record(taskId, user, "task.member.add", user.username(), null, Map.of("member", user.username()));
    }

    @Transactional
    public void decline(CurrentUser user, String taskId) {
        tasks.delete(open(user, taskId));
    }

    /** An invitation of the caller's; any other task id answers 404, like every task the caller cannot see. */
    private Invitation open(CurrentUser user, String taskId) {
        return tasks.invitation(taskId, normalise(user.username()))
                .orElseThrow(() -> ApiException.notFound(MessageCode.THING_TASK, taskId));
    }

    private static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
