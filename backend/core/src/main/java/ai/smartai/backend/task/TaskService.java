package ai.smartai.backend.task;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ai.smartai.backend.access.TaskAccess;
import ai.smartai.backend.account.CurrentUser;
import ai.smartai.backend.audit.AuditService;
import ai.smartai.backend.db.Ids;
import ai.smartai.backend.job.JobRepository;
import ai.smartai.backend.job.JobService;
import ai.smartai.backend.llm.ProviderRepository;
import ai.smartai.backend.web.ApiException;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
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
    JobRepository jobs;

    @Inject
    ProviderRepository providers;

    @Inject
    TaskAccess access;

    @Inject
    TaskSummaries summaries;

    @Inject
    Event<TaskDeleted> deleted;

    @Inject
    AuditService audit;

    Clock clock = Clock.systemUTC();

    @Transactional
    public TaskCreated create(CurrentUser user, TaskCreate request) {
        if (!user.role().teaches()) {
            // A TA would own the task, and an owner may delete and share it.
            throw new ApiException(403, "ta_forbidden", Message.of(MessageCode.ERR_TA_CREATES));
        }
        Task task = new Task(Ids.newId(), user.id(), request.name().strip(), TaskSettings.DEFAULT_PASS_THRESHOLD,
                clock.instant());
        tasks.persist(task);
        return new TaskCreated(task.getId(), task.getName(), task.getStatus(), task.getCreatedAt());
    }

    @Transactional
    public List<TaskSummary> list(CurrentUser user) {
        List<Task> list = tasks.listAccessible(user.id());
        Map<String, TaskSummaries.Figures> figures = summaries.of(list.stream().map(Task::getId).toList());
        return list.stream().map(t -> summary(t, figures.getOrDefault(t.getId(), TaskSummaries.Figures.NONE)))
                .toList();
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
                throw ApiException.badRequest("validation_failed", Message.of(MessageCode.V_NOT_BLANK,
                        MessageCode.FIELD_NAME));
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
                throw ApiException.badRequest("validation_failed", Message.of(MessageCode.ERR_NO_JUDGE, judge));
            }
            task.setPanel(judge, update.settings().llmSamples() == null ? task.getLlmSamples()
                    : update.settings().llmSamples(), clock.instant());
        }
        if (update.settings() != null && update.settings().commentLanguage() != null) {
            task.setCommentLanguage(update.settings().commentLanguage().isBlank() ? null
                    : update.settings().commentLanguage(), clock.instant());
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
        m.put("commentLanguage", task.getCommentLanguage());
        return m;
    }

    /** Deletes the task and everything of it; features that keep files of their own hear of it by event. */
    @Transactional
    public void delete(CurrentUser user, String id) {
        tasks.delete(requireOwner(user, id));
        deleted.fire(new TaskDeleted(id));
    }

    /** The task if the user owns or shares it; otherwise 404 (see {@link TaskAccess}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Task require(CurrentUser user, String id) {
        access.require(user, id);
        return tasks.findById(id).orElseThrow(() -> ApiException.notFound(MessageCode.THING_TASK, id));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Task requireOwner(CurrentUser user, String id) {
        access.requireOwner(user, id);
        return tasks.findById(id).orElseThrow(() -> ApiException.notFound(MessageCode.THING_TASK, id));
    }

    private static TaskSummary summary(Task t, TaskSummaries.Figures f) {
        Double mean = f.grades() == 0 || f.students() == 0 ? null
                : Math.round(f.scoreSum() / f.students() * 100) / 100.0;
        return new TaskSummary(t.getId(), t.getName(), t.getStatus(), f.problems(), f.students(), t.getCreatedAt(),
                t.getUpdatedAt(), mean, f.maxTotal(), f.needsReview());
    }

    private TaskDetail detail(Task t) {
        var active = jobs.latestActive(t.getId()).map(JobService::view).orElse(null);
        TaskSummaries.Figures f = summaries.of(t.getId());
        return new TaskDetail(t.getId(), t.getName(), t.getStatus(), f.problems(), f.students(),
                new TaskSettings(t.getPassThreshold(), t.getJudgeProviderId(), t.getLlmSamples(),
                        t.getCommentLanguage()),
                active,
                t.getCreatedAt(), t.getUpdatedAt(), t.getLlmTokens());
    }
}
