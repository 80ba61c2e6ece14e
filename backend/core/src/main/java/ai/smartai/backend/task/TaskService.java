package ai.smartai.backend.task;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ai.smartai.backend.account.CurrentUser;
import ai.smartai.backend.db.Ids;
import ai.smartai.backend.web.ApiException;
import ai.smartai.model.task.TaskCreate;
import ai.smartai.model.task.TaskCreated;
import ai.smartai.model.task.TaskDetail;
import ai.smartai.model.task.TaskSettings;
import ai.smartai.model.task.TaskSummary;
import ai.smartai.model.task.TaskUpdate;

@ApplicationScoped
public class TaskService {

    @Inject
    TaskRepository tasks;

    @Inject
    ai.smartai.backend.problem.ProblemRepository problems;

    @Inject
    ai.smartai.backend.student.StudentRepository students;

    @Inject
    ai.smartai.backend.job.JobRepository jobs;

    @Inject
    ai.smartai.backend.grading.GradeRepository grades;

    @Inject
    ai.smartai.backend.llm.ProviderRepository providers;

    @Inject
    ai.smartai.backend.account.AccountRepository accounts;

    @Inject
    ai.smartai.backend.ingest.UploadStore uploads;

    @Inject
    ai.smartai.backend.audit.AuditService audit;

    Clock clock = Clock.systemUTC();

    @Transactional
    public TaskCreated create(CurrentUser user, TaskCreate request) {
        Task task = new Task(Ids.newId(), user.id(), request.name().strip(), TaskSettings.DEFAULT_PASS_THRESHOLD,
                clock.instant());
        tasks.persist(task);
        return new TaskCreated(task.getId(), task.getName(), task.getStatus(), task.getCreatedAt());
    }

    @Transactional
    public List<TaskSummary> list(CurrentUser user) {
        return tasks.listAccessible(user.id()).stream().map(this::summary).toList();
    }

    @Transactional
    public TaskDetail get(CurrentUser user, String id) {
        return detail(require(user, id));
    }

    @Transactional
    public TaskDetail update(CurrentUser user, String id, TaskUpdate update) {
        Task task = require(user, id);
        Map<String, Object> before = audited(task);
        if (update.name() != null) {
            if (update.name().isBlank()) {
                throw ApiException.badRequest("validation_failed", "name: must not be blank");
            }
            task.rename(update.name().strip(), clock.instant());
        }
        if (update.settings() != null && update.settings().passThreshold() != null) {
            task.setPassThreshold(update.settings().passThreshold(), clock.instant());
        }
        if (update.settings() != null && (update.settings().judgeProviderId() != null
                || update.settings().llmSamples() != null)) {
            String judge = update.settings().judgeProviderId() == null ? task.getJudgeProviderId()
                    : update.settings().judgeProviderId().isBlank() ? null : update.settings().judgeProviderId();
            if (judge != null && providers.findOwned(judge, user.id()).isEmpty()) {
                throw ApiException.badRequest("validation_failed", "settings.judgeProviderId: no provider " + judge);
            }
            task.setPanel(judge, update.settings().llmSamples() == null ? task.getLlmSamples()
                    : update.settings().llmSamples(), clock.instant());
        }
        audit.record(id, user, "task.edit", id, before, audited(task));
        return detail(task);
    }

    /** What a task edit may change, the panel's judge and samples included: the audit shows both sides. */
    private static Map<String, Object> audited(Task task) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", task.getName());
        m.put("passThreshold", task.getPassThreshold());
        m.put("judgeProviderId", task.getJudgeProviderId());
        m.put("llmSamples", task.getLlmSamples());
        return m;
    }

    @Transactional
    public void delete(CurrentUser user, String id) {
        tasks.delete(requireOwner(user, id));
        uploads.deleteTask(id);
    }

    /** The task if the user owns or shares it; otherwise 404, never 403, so ids of other teachers leak nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Task require(CurrentUser user, String id) {
        return tasks.findAccessible(id, user.id()).orElseThrow(() -> ApiException.notFound("Task", id));
    }

    /** Changing who shares a task, or deleting it, is the owner's: a member gets 403 (they can see the task). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Task requireOwner(CurrentUser user, String id) {
        Task task = require(user, id);
        if (!task.getOwnerId().equals(user.id())) {
            throw new ApiException(403, "owner_only", "Only the task's owner can do this.");
        }
        return task;
    }

    /** The owner first, then the members. */
    @Transactional
    public List<ai.smartai.model.task.TaskMemberView> members(CurrentUser user, String id) {
        Task task = require(user, id);
        List<ai.smartai.model.task.TaskMemberView> out = new java.util.ArrayList<>();
        accounts.findById(task.getOwnerId()).ifPresent(a -> out.add(new ai.smartai.model.task.TaskMemberView(
                a.getId(), a.getUsername(), a.getDisplayName(), "owner")));
        for (TaskMember m : tasks.members(id)) {
            accounts.findById(m.getAccountId()).ifPresent(a -> out.add(new ai.smartai.model.task.TaskMemberView(
                    a.getId(), a.getUsername(), a.getDisplayName(), "member")));
        }
        return out;
    }

    @Transactional
    public List<ai.smartai.model.task.TaskMemberView> addMember(CurrentUser user, String id, String username) {
        Task task = requireOwner(user, id);
        var account = accounts.findByUsername(username == null ? "" : username.strip()).orElseThrow(() ->
                ApiException.badRequest("validation_failed", "username: no account '" + username + "'"));
        if (!account.getId().equals(task.getOwnerId()) && !tasks.isMember(id, account.getId())) {
            tasks.addMember(new TaskMember(id, account.getId(), clock.instant()));
            audit.record(id, user, "task.member.add", account.getUsername(), null, Map.of("member",
                    account.getUsername()));
        }
        return members(user, id);
    }

    @Transactional
    public void removeMember(CurrentUser user, String id, String accountId) {
        requireOwner(user, id);
        TaskMember m = tasks.members(id).stream().filter(x -> x.getAccountId().equals(accountId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("Member", accountId));
        tasks.removeMember(m);
        audit.record(id, user, "task.member.remove", accountId, Map.of("member", accountId), null);
    }

    private TaskSummary summary(Task t) {
        long studentCount = students.count(t.getId());
        var totals = grades.totals(t.getId());
        Double mean = totals.grades() == 0 || studentCount == 0 ? null
                : Math.round(totals.scoreSum() / studentCount * 100) / 100.0;
        return new TaskSummary(t.getId(), t.getName(), t.getStatus(), (int) problems.count(t.getId()),
                (int) studentCount, t.getCreatedAt(), t.getUpdatedAt(), mean, problems.maxTotal(t.getId()),
                totals.needsReview());
    }

    private TaskDetail detail(Task t) {
        var active = jobs.latestActive(t.getId()).map(ai.smartai.backend.job.JobService::view).orElse(null);
        return new TaskDetail(t.getId(), t.getName(), t.getStatus(), (int) problems.count(t.getId()),
                (int) students.count(t.getId()), new TaskSettings(t.getPassThreshold(), t.getJudgeProviderId(),
                t.getLlmSamples()), active, t.getCreatedAt(),
                t.getUpdatedAt(), t.getLlmTokens());
    }
}
