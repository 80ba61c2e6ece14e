package ai.smartai.backend.grading;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ai.smartai.backend.access.TaskAccess;
import ai.smartai.backend.account.CurrentUser;
import ai.smartai.backend.audit.AuditService;
import ai.smartai.backend.db.Db;
import ai.smartai.backend.db.Ids;
import ai.smartai.backend.db.Json;
import ai.smartai.backend.grading.panel.PanelSetup;
import ai.smartai.backend.job.Job;
import ai.smartai.backend.job.JobRepository;
import ai.smartai.backend.job.JobService;
import ai.smartai.backend.llm.ActiveProvider;
import ai.smartai.backend.llm.ProviderService;
import ai.smartai.backend.problem.Problem;
import ai.smartai.backend.problem.ProblemRepository;
import ai.smartai.backend.student.Answer;
import ai.smartai.backend.student.SheetFlag;
import ai.smartai.backend.student.Student;
import ai.smartai.backend.student.StudentRepository;
import ai.smartai.backend.task.Task;
import ai.smartai.backend.task.TaskRepository;
import ai.smartai.backend.web.ApiException;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import ai.smartai.model.grade.ExpertVote;
import ai.smartai.model.grade.GradingRequest;
import ai.smartai.model.job.JobAccepted;
import ai.smartai.model.job.JobKind;
import ai.smartai.model.job.JobStatus;
import ai.smartai.model.task.TaskStatus;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Grading runs, stored grades, the teacher's overrides and the gradebook. */
@ApplicationScoped
public class GradingRunService {

    @Inject
    TaskAccess access;

    @Inject
    TaskRepository taskRepository;

    @Inject
    ProblemRepository problems;

    @Inject
    StudentRepository students;

    @Inject
    GradeRepository grades;

    @Inject
    JobService jobs;

    @Inject
    JobRepository jobRepository;

    @Inject
    AuditService audit;

    @Inject
    Db db;

    @Inject
    ProviderService providerService;

    Clock clock = Clock.systemUTC();

    /** One unit of grading work: a student's answer to a problem. */
    public record Unit(String studentUid, String studentId, String problemId) {
    }

    /** What a unit is graded from, with the revisions it reflects. */
    public record Snapshot(GradingInput input, int problemRevision, int answerRevision, String notFoundIn) {

        /** Segmentation found no answer to this problem, though the sheet has text no problem claimed. */
        public boolean answerNotFound() {
            return notFoundIn != null;
        }
    }

    /** The scope and mode of a grading run, stored with its job. */
    public record Plan(List<String> studentIds, List<String> problemIds, boolean force) {
    }

    public JobAccepted start(CurrentUser user, String taskId, GradingRequest request) {
        Plan plan = new Plan(request.scope() == null ? null : request.scope().studentIds(),
                request.scope() == null ? null : request.scope().problemIds(), Boolean.TRUE.equals(request.force()));
        String jobId = QuarkusTransaction.requiringNew().call(() -> {
            access.require(user, taskId);
            if (problems.count(taskId) == 0 || students.count(taskId) == 0) {
                throw ApiException.conflict("nothing_to_grade", Message.of(MessageCode.ERR_NOTHING_TO_GRADE));
            }
            Optional<Job> active = jobRepository.latestActive(taskId);
            if (active.isPresent() && active.get().getKind() == JobKind.GRADING) {
                throw ApiException.conflict("grading_running", Message.of(MessageCode.ERR_GRADING_RUNNING, taskId,
                        active.get().getId()));
            }
            return jobs.create(taskId, user, JobKind.GRADING, j -> j.setPayload(Json.write(plan))).getId();
        });
        jobs.submit(jobId);
        return new JobAccepted(jobId, null);
    }

    static Plan plan(Job job) {
        return job.getPayload() == null ? new Plan(null, null, false)
                : Json.read(job.getPayload(), new TypeReference<Plan>() {
                });
    }

    /**
     * A paused or cancelled job's count brought up to what is stored. Its owner stops counting at the stop, while the
     * units then in replicas' hands still finish: each of those counts again once stored, and so does the owner at its
     * end. The count is the one a resume starts from: the job's total less the units still to do.
     */
    @Transactional
    public void recountStopped(String jobId) {
        Job job = jobRepository.find(jobId).orElse(null);
        if (job == null || !(job.getStatus() == JobStatus.PAUSED || job.getStatus() == JobStatus.CANCELLED)) {
            return;
        }
        int pending = pendingUnits(job.getTaskId(), plan(job), job.getStartedAt()).size();
        jobRepository.raiseDone(jobId, job.getTotal() - pending);
    }

    /**
     * The units a run must do: missing or stale grades, or all in scope when forced. Finished units are skipped: for a
     * forced job that ran before ({@code since}, its first start), those graded since then.
     */
    @Transactional
    public List<Unit> pendingUnits(String taskId, Plan plan, Instant since) {
        Map<String, Problem> byId = new LinkedHashMap<>();
        problems.list(taskId).forEach(p -> byId.put(p.getProblemId(), p));
        Map<String, Answer> answers = new HashMap<>();
        students.answers(taskId).forEach(a -> answers.put(a.getStudentUid() + "/" + a.getProblemId(), a));
        Map<String, Grade> existing = new HashMap<>();
        grades.list(taskId).forEach(g -> existing.put(g.getStudentUid() + "/" + g.getProblemId(), g));
        Set<String> studentScope = plan.studentIds() == null ? null : new HashSet<>(plan.studentIds());
        Set<String> problemScope = plan.problemIds() == null ? null : new HashSet<>(plan.problemIds());
        List<Unit> units = new ArrayList<>();
        for (Student s : students.list(taskId)) {
            if (studentScope != null && !studentScope.contains(s.getStudentId())) {
                continue;
            }
            for (Problem p : byId.values()) {
                if (problemScope != null && !problemScope.contains(p.getProblemId())) {
                    continue;
                }
                String key = s.getUid() + "/" + p.getProblemId();
                Grade g = existing.get(key);
                Answer a = answers.get(key);
                int answerRevision = a == null ? -1 : a.getRevision();
                boolean forced = plan.force() && (since == null || g == null || g.getGradedAt().isBefore(since));
                if (forced || g == null || g.isStale(p.getRevision(), answerRevision)) {
                    units.add(new Unit(s.getUid(), s.getStudentId(), p.getProblemId()));
                }
            }
        }
        return units;
    }

    @Transactional
    public Snapshot snapshot(String taskId, Unit unit) {
        Problem p = problems.find(taskId, unit.problemId()).orElseThrow();
        Answer a = students.answer(unit.studentUid(), unit.problemId()).orElse(null);
        GradingInput in = new GradingInput(p.getProblemId(), p.getType(), p.getStem(), p.getRubric(), p.getMaxScore(),
                p.getReferenceAnswer(), p.getChoices(), p.getCorrectChoices(), p.getTestCases(), p.getLanguage(),
                a == null ? "" : a.getText(), p.getPolicies(),
                taskRepository.findById(taskId).map(Task::getCommentLanguage).orElse(null));
        String notFoundIn = a != null && a.getFlags().stream().anyMatch(f -> f.is(SheetFlag.Kind.NOT_FOUND))
                ? students.find(taskId, unit.studentId()).map(Student::getUnmatchedText).orElse("") : null;
        return new Snapshot(in, p.getRevision(), a == null ? -1 : a.getRevision(), notFoundIn);
    }

    @Transactional
    public Optional<GradeResult> cached(String inputHash) {
        return grades.cached(inputHash).map(c -> Json.read(c.getResult(), new TypeReference<GradeResult>() {
        }));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void cache(String inputHash, GradeResult result) {
        if (grades.cached(inputHash).isEmpty()) {
            grades.cache(new GradeCache(inputHash, Json.write(result), clock.instant()));
        }
    }

    /**
     * Counts the start of an attempt at a unit, in a transaction of its own so that the count survives a crash of the
     * attempt. Returns the attempt's number for this input: more than {@link UnitAttempt#QUARANTINE_AFTER} means it
     * already failed that often.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int beginAttempt(String taskId, Unit unit, String inputHash) {
        String key = unit.studentUid() + "/" + unit.problemId();
        UnitAttempt attempt = db.em().find(UnitAttempt.class, key);
        if (attempt == null) {
            attempt = new UnitAttempt(key, taskId, inputHash, clock.instant());
            db.em().persist(attempt);
        }
        return attempt.begin(inputHash, clock.instant());
    }

    /**
     * Why the last attempt at a unit failed, if it failed in a way we saw (a crash leaves none). Returns how many times
     * the unit was started for its current input.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int attemptFailed(Unit unit, String error) {
        UnitAttempt attempt = db.em().find(UnitAttempt.class, unit.studentUid() + "/" + unit.problemId());
        if (attempt == null) {
            return 0;
        }
        attempt.failed(error, clock.instant());
        return attempt.getAttempts();
    }

    @Transactional
    public Optional<String> lastAttemptError(Unit unit) {
        return Optional.ofNullable(db.em().find(UnitAttempt.class, unit.studentUid() + "/" + unit.problemId()))
                .map(UnitAttempt::getLastError);
    }

    /** Stores one unit's grade; at-least-once safe: the unique key (student, problem) means a repeat updates. */
    @Transactional
    public void store(String taskId, Unit unit, Snapshot snapshot, GradeResult result,
            List<ExpertVote> experts, String inputHash) {
        UnitAttempt attempt = db.em().find(UnitAttempt.class, unit.studentUid() + "/" + unit.problemId());
        if (attempt != null) {
            db.em().remove(attempt);
        }
        Grade g = grades.find(unit.studentUid(), unit.problemId()).orElse(null);
        boolean fresh = g == null;
        if (fresh) {
            g = new Grade(Ids.newId(), taskId, unit.studentUid(), unit.problemId());
        }
        g.record(result, snapshot.problemRevision(), snapshot.answerRevision(), inputHash, clock.instant());
        g.setExperts(experts);
        if (fresh) {
            grades.persist(g);
        }
    }

    /**
     * Whether the unit's grade is already stored for this input (and, for a forced run, since {@code since}): a unit
     * delivered again after it was graded has nothing left to do.
     */
    @Transactional
    public boolean alreadyGraded(Unit unit, String inputHash, Instant since) {
        return grades.find(unit.studentUid(), unit.problemId()).filter(g -> inputHash.equals(g.getInputHash()))
                .filter(g -> since == null || !g.getGradedAt().isBefore(since)).isPresent();
    }

    /** How many of the units ({@code studentUid/problemId}) have a grade stored at or after {@code since}. */
    @Transactional
    public int gradedSince(String taskId, Set<String> units, Instant since) {
        return (int) db.em().createQuery("select g.studentUid, g.problemId from Grade g where g.taskId = :t"
                + " and g.gradedAt >= :since", Object[].class).setParameter("t", taskId).setParameter("since", since)
                .getResultStream().filter(r -> units.contains(r[0] + "/" + r[1])).count();
    }

    /** The job as stored, or empty when it is gone. */
    @Transactional
    public Optional<Job> job(String jobId) {
        return jobRepository.find(jobId);
    }

    /** Whether this job's units are on the broker already (published by this or an earlier owner). */
    @Transactional
    public boolean published(String jobId) {
        return db.em().find(UnitPublication.class, jobId) != null;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void markPublished(String jobId) {
        if (db.em().find(UnitPublication.class, jobId) == null) {
            db.em().persist(new UnitPublication(jobId, clock.instant()));
        }
    }

    /** The job's units are no longer on the broker (it ended or paused): the next run publishes what is left. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void unpublish(String jobId) {
        UnitPublication row = db.em().find(UnitPublication.class, jobId);
        if (row != null) {
            db.em().remove(row);
        }
    }

    /** The task owner's panel: enabled providers, the task's judge (else the first), samples per expert. */
    @Transactional
    public PanelSetup panelSetup(String taskId) {
        var task = taskRepository.findById(taskId).orElse(null);
        if (task == null) {
            return PanelSetup.NONE;
        }
        List<ActiveProvider> experts = providerService.enabled(task.getOwnerId());
        if (experts.isEmpty()) {
            return PanelSetup.NONE;
        }
        var judge = experts.stream().filter(p -> p.id().equals(task.getJudgeProviderId())).findFirst()
                .orElse(experts.get(0));
        return new PanelSetup(experts, judge, Math.max(1, task.getLlmSamples()));
    }

    @Transactional
    public void addTokens(String taskId, long tokens) {
        if (tokens > 0) {
            taskRepository.addTokens(taskId, tokens);
        }
    }

    @Transactional
    public void setStatus(String taskId, TaskStatus status) {
        taskRepository.findById(taskId).ifPresent(t -> t.setStatus(status, clock.instant()));
    }

}
