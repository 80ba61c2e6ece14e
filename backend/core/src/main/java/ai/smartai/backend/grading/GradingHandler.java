package ai.smartai.backend.grading;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.smartai.backend.grading.panel.LlmPanel;
import ai.smartai.backend.grading.panel.PanelSetup;
import ai.smartai.backend.job.Job;
import ai.smartai.backend.job.JobContext;
import ai.smartai.backend.job.JobHandler;
import ai.smartai.backend.job.JobService;
import ai.smartai.backend.metrics.OpsMetrics;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import ai.smartai.model.grade.Evidence;
import ai.smartai.model.grade.ExpertVote;
import ai.smartai.model.job.JobKind;
import ai.smartai.model.job.JobStatus;
import ai.smartai.model.task.TaskStatus;
import org.jboss.logging.Logger;

/**
 * A grading run: every pending unit goes to the {@link UnitQueue} (one bounded pool, fair between tasks) and is
 * stored in its own transaction. A stop or a crash loses nothing finished; whichever replica continues the job does only
 * the units not yet stored. The run holds no thread while its units wait: the job ends when the last unit is stored.
 * On a shared queue (RabbitMQ) any replica grades a unit through {@link #grade(WorkUnit)}, with the same steps, and the
 * job's owner follows the stored grades.
 */
@ApplicationScoped
public class GradingHandler implements JobHandler, UnitWorker {

    private static final Logger LOG = Logger.getLogger(GradingHandler.class);
    /** How often the owner of a shared run reads its progress from the database. */
    private static final Duration WATCH = Duration.ofMillis(500);
    private static final Duration CLOCK_MARGIN = Duration.ofSeconds(5);

    /** Where a graded unit is reported: the run's own progress in-process, the job itself on a shared queue. */
    private interface Sink {
        void stored(GradingRunService.Unit u, GradeResult result);

        void warn(Message warning);

        /** Not even the grade that sets it aside could be stored. */
        void lost(GradingRunService.Unit u, String why, RuntimeException e);
    }

    @Inject
    GradingRunService service;

    @Inject
    GradingEngine engine;

    @Inject
    UnitQueue queue;

    @Inject
    LlmPanel panel;

    @Inject
    GradingConfig config;

    @Inject
    JobService jobs;

    @Inject
    CopyDetection copies;

    /** Panels of units graded from the shared queue wait on providers within this bound, as a local run's do. */
    private Semaphore sharedPanelSlots;
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "smartai-grading-watch");
        t.setDaemon(true);
        return t;
    });

    @PostConstruct
    void init() {
        sharedPanelSlots = new Semaphore(config.llmWorkers());
    }

    @Override
    public Set<JobKind> kinds() {
        return Set.of(JobKind.GRADING);
    }

    @Override
    public CompletionStage<Void> run(JobContext context) {
        Job job = context.job();
        String taskId = job.getTaskId();
        // Grades stored from here on may be this run's (a margin for replicas' clocks, which NTP keeps within it).
        Instant planned = Instant.now().minus(CLOCK_MARGIN);
        List<GradingRunService.Unit> units = service.pendingUnits(taskId, GradingRunService.plan(job),
                job.getStartedAt());
        context.start(units.size());
        int total = units.size();
        service.setStatus(taskId, TaskStatus.GRADING);
        AtomicInteger done = new AtomicInteger();
        List<Message> warnings = Collections.synchronizedList(new ArrayList<>());
        PanelSetup setup = service.panelSetup(taskId);
        if (setup.active()) {
            context.progress(0, total, Message.of(MessageCode.JOB_PANEL, setup.experts().size(),
                    setup.judge() == null ? MessageCode.METHOD_NONE : setup.judge().displayName()));
        }
        List<WorkUnit> work = units.stream().map(u -> new WorkUnit(job.getId(), taskId, u.studentUid(), u.studentId(),
                u.problemId())).toList();
        if (queue.shared()) {
            return runShared(context, job, work, planned);
        }
        Sink sink = new Sink() {
            @Override
            public void stored(GradingRunService.Unit u, GradeResult result) {
                context.progress(done.incrementAndGet(), total, Message.of(MessageCode.JOB_AT_UNIT, u.studentId(),
                        u.problemId(), GradingEngine.methodName(result.method())));
            }

            @Override
            public void warn(Message warning) {
                warnings.add(warning);
            }

            @Override
            public void lost(GradingRunService.Unit u, String why, RuntimeException e) {
                warnings.add(Message.of(MessageCode.JOB_NOT_GRADED, u.studentId(), u.problemId(), why));
                done.incrementAndGet();
            }
        };
        // Tools use the CPU workers; the panel waits on the network, so it runs beside them with its own bound.
        Semaphore panelSlots = new Semaphore(config.llmWorkers());
        List<CompletableFuture<Void>> panels = Collections.synchronizedList(new ArrayList<>());
        OpsMetrics.queued(work.size());
        CompletableFuture<Void> tools = queue.submit(taskId, work, unit -> {
            OpsMetrics.dequeued();
            if (context.stopping()) {
                return;
            }
            GradingRunService.Unit u = unitOf(unit);
            for (int attempt = 1;; attempt++) {
                try {
                    gradeUnit(sink, taskId, u, service.snapshot(taskId, u), setup, panelSlots, panels);
                    return;
                } catch (Throwable e) {
                    if (attempt >= UnitAttempt.QUARANTINE_AFTER) {
                        failed(sink, taskId, u, e);
                        return;
                    }
                    LOG.infof(e, "Grading %s / %s failed; trying once more", u.studentId(), u.problemId());
                }
            }
        });
        CompletableFuture<Void> finished = new CompletableFuture<>();
        tools.thenCompose(v -> CompletableFuture.allOf(panels.toArray(CompletableFuture[]::new)))
                .whenComplete((v, e) -> jobs.continueOnJobPool(job.getOwnerId(), () -> {
                    try {
                        finish(context, taskId, total, warnings);
                        finished.complete(null);
                    } catch (Throwable error) {
                        finished.completeExceptionally(error);
                    }
                }));
        return finished;
    }

    /**
     * A run whose units any replica may grade: they are published once per job (a takeover finds them still queued),
     * and this owner watches the database for their grades, which is what keeps its progress true whoever graded them.
     * The job ends when each unit has a grade stored since the run began, or at a pause, cancel or hand-over.
     */
    private CompletionStage<Void> runShared(JobContext context, Job job, List<WorkUnit> work, Instant planned) {
        String jobId = job.getId();
        String taskId = job.getTaskId();
        int total = work.size();
        Set<String> keys = work.stream().map(u -> u.studentUid() + "/" + u.problemId()).collect(Collectors.toSet());
        AtomicBoolean queued = new AtomicBoolean(total == 0 || service.published(jobId));
        AtomicBoolean announced = new AtomicBoolean();
        AtomicBoolean ending = new AtomicBoolean();
        AtomicReference<ScheduledFuture<?>> watch = new AtomicReference<>();
        CompletableFuture<Void> finished = new CompletableFuture<>();
        Runnable end = () -> {
            if (!ending.compareAndSet(false, true)) {
                return;
            }
            ScheduledFuture<?> w = watch.get();
            if (w != null) {
                w.cancel(false);
            }
            jobs.continueOnJobPool(job.getOwnerId(), () -> {
                try {
                    if (!context.serverStopping()) {
                        // Over, paused or cancelled: a resume publishes what is left (consumers drop the rest).
                        queue.finished(taskId);
                        service.unpublish(jobId);
                        service.recountStopped(jobId);
                    }
                    finish(context, taskId, total, new ArrayList<>());
                    finished.complete(null);
                } catch (Throwable error) {
                    finished.completeExceptionally(error);
                }
            });
        };
        watch.set(watcher.scheduleWithFixedDelay(() -> {
            try {
                if (ending.get()) {
                    return;
                }
                if (context.stopping()) {
                    end.run();
                    return;
                }
                if (!queued.get()) {
                    queue.submit(taskId, work, null).join();
                    service.markPublished(jobId);
                    queued.set(true);
                    announced.set(true);
                } else if (!announced.get() && total > 0) {
                    // Taken over: the units are on the broker; call the replicas to them again.
                    queue.submit(taskId, List.of(), null).join();
                    announced.set(true);
                }
                int done = total == 0 ? 0 : service.gradedSince(taskId, keys, planned);
                context.progress(Math.min(done, total), total);
                if (done >= total) {
                    end.run();
                }
            } catch (Throwable e) {
                LOG.warnf("Grading job %s: %s; trying again", jobId, e.getMessage());
            }
        }, 0, WATCH.toMillis(), TimeUnit.MILLISECONDS));
        return finished;
    }

    /** Grades a unit taken from the shared queue, on whichever replica took it. */
    @Override
    public void grade(WorkUnit unit) {
        Job job = service.job(unit.jobId()).orElse(null);
        if (job == null || !(job.getStatus() == JobStatus.RUNNING || job.getStatus() == JobStatus.QUEUED)) {
            // Paused, cancelled or over: a resume publishes the units still to do.
            LOG.debugf("%s: skipped, its job is %s", unit.key(), job == null ? "gone" : job.getStatus());
            return;
        }
        String taskId = unit.taskId();
        GradingRunService.Unit u = unitOf(unit);
        GradingRunService.Snapshot snapshot = service.snapshot(taskId, u);
        if (service.alreadyGraded(u, GradingEngine.inputHash(snapshot.input()), job.getStartedAt())) {
            LOG.debugf("%s: skipped, graded already", unit.key());
            return;
        }
        List<CompletableFuture<Void>> panels = new ArrayList<>();
        gradeUnit(shared(unit.jobId()), taskId, u, snapshot, service.panelSetup(taskId), sharedPanelSlots, panels);
        panels.forEach(CompletableFuture::join);
        // Stored after a pause or cancel, which the owner no longer counts.
        service.recountStopped(unit.jobId());
    }

    @Override
    public int failed(WorkUnit unit, Throwable error) {
        return service.attemptFailed(unitOf(unit), reason(error));
    }

    @Override
    public void setAside(WorkUnit unit) {
        if (service.job(unit.jobId()).isEmpty()) {
            return;
        }
        GradingRunService.Unit u = unitOf(unit);
        setAside(shared(unit.jobId()), unit.taskId(), u, service.lastAttemptError(u).orElse("it failed each time"));
    }

    /** Away from the job's owner, progress is read from the database; warnings go straight to the job. */
    private Sink shared(String jobId) {
        return new Sink() {
            @Override
            public void stored(GradingRunService.Unit u, GradeResult result) {
            }

            @Override
            public void warn(Message warning) {
                jobs.warn(jobId, List.of(warning));
            }

            @Override
            public void lost(GradingRunService.Unit u, String why, RuntimeException e) {
                // Not acknowledged: the broker hands the unit out again, then to the dead-letter queue.
                throw e;
            }
        };
    }

    private static GradingRunService.Unit unitOf(WorkUnit unit) {
        return new GradingRunService.Unit(unit.studentUid(), unit.studentId(), unit.problemId());
    }

    private static String reason(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private void gradeUnit(Sink sink, String taskId, GradingRunService.Unit u, GradingRunService.Snapshot snapshot,
            PanelSetup setup, Semaphore panelSlots, List<CompletableFuture<Void>> panels) {
        String hash = GradingEngine.inputHash(snapshot.input());
        if (snapshot.answerNotFound()) {
            // Not a blank: the answer may be in the text the split could not place, so no score is invented.
            finish(sink, taskId, u, snapshot, notFound(snapshot), List.of(), hash);
            return;
        }
        // Every start counts, a cached one too: what fails after the cache (storing) is set aside like the rest.
        int attempt = service.beginAttempt(taskId, u, hash);
        if (attempt > UnitAttempt.QUARANTINE_AFTER) {
            // Started twice before without a stored grade: it crashed the server or failed each time.
            String last = service.lastAttemptError(u).orElse("the server stopped while grading it");
            sink.warn(Message.of(MessageCode.JOB_SET_ASIDE_AFTER, u.studentId(), u.problemId(),
                    UnitAttempt.QUARANTINE_AFTER, last));
            finish(sink, taskId, u, snapshot, quarantined(snapshot, last), List.of(), hash);
            return;
        }
        GradeResult tools = service.cached(hash).orElse(null);
        if (tools == null) {
            tools = engine.grade(snapshot.input());
            // Only decided grades are cached: "no score" may come from the machine (a sandbox missing, a model not
            // loaded), and a regrade once it is fixed must really grade again.
            if (tools.score() != null) {
                service.cache(hash, tools);
            }
        }
        tools = KeyPolicies.apply(snapshot.input(), tools);
        if (!setup.active() || !LlmPanel.applies(snapshot.input(), tools)) {
            finish(sink, taskId, u, snapshot, tools, List.of(), hash);
            return;
        }
        GradeResult byTools = tools;
        panelSlots.acquireUninterruptibly();
        panels.add(CompletableFuture.runAsync(() -> {
            try {
                // The tools' result stays cached as is; the panel's replies are cached by prompt instead.
                var outcome = panel.grade(snapshot.input(), byTools, setup);
                service.addTokens(taskId, outcome.tokens());
                finish(sink, taskId, u, snapshot, outcome.result(), outcome.experts(), hash);
            } catch (Throwable e) {
                failed(sink, taskId, u, e);
            } finally {
                panelSlots.release();
            }
        }, panel.executor()));
    }

    private void finish(JobContext context, String taskId, int total, List<Message> warnings) {
        if (context.serverStopping()) {
            throw new IllegalStateException("stopping: the run resumes at the next start");
        }
        if (context.stopping()) {
            // Paused or cancelled: what finished is stored; a resume does the rest.
            context.warn(warnings);
            service.setStatus(taskId, TaskStatus.READY);
            return;
        }
        warnings.addAll(copies.detectCopies(taskId));
        context.warn(warnings);
        context.progress(total, total);
        service.setStatus(taskId, TaskStatus.GRADED);
    }

    private static GradeResult notFound(GradingRunService.Snapshot snapshot) {
        String unmatched = snapshot.notFoundIn();
        String shown = unmatched.length() > 500 ? unmatched.substring(0, 500) + "…" : unmatched;
        return GradeResult.none(snapshot.input().maxScore(), Message.of(MessageCode.REVIEW_NOT_FOUND,
                unmatched.length()),
                snapshot.input().say("未能在答卷中定位本题答案，请老师查看未归属的文字后评分。",
                        "The answer to this problem could not be located on the sheet; see its unmatched text."),
                List.of(new Evidence("unmatched-text", Message.of(MessageCode.EV_UNMATCHED_TEXT), shown)));
    }

    private static GradeResult quarantined(GradingRunService.Snapshot snapshot, String why) {
        return GradeResult.awaitingTeacher(snapshot.input(), Message.of(MessageCode.REVIEW_QUARANTINED,
                UnitAttempt.QUARANTINE_AFTER, why), List.of());
    }

    private void finish(Sink sink, String taskId, GradingRunService.Unit u, GradingRunService.Snapshot snapshot,
            GradeResult result, List<ExpertVote> experts, String hash) {
        service.store(taskId, u, snapshot, result, experts, hash);
        OpsMetrics.unitStored(result.method().name());
        sink.stored(u, result);
    }

    /**
     * One failing answer never fails the batch. After its last try it is stored as a grade with no score and the
     * failure as its review reason; if even that cannot be stored, the sink decides (reported, or tried again).
     */
    private void failed(Sink sink, String taskId, GradingRunService.Unit u, Throwable e) {
        LOG.warnf(e, "Grading %s / %s failed", u.studentId(), u.problemId());
        String why = reason(e);
        try {
            service.attemptFailed(u, why);
            setAside(sink, taskId, u, why);
        } catch (RuntimeException stillFailing) {
            sink.lost(u, why, stillFailing);
        }
    }

    private void setAside(Sink sink, String taskId, GradingRunService.Unit u, String why) {
        GradingRunService.Snapshot snapshot = service.snapshot(taskId, u);
        finish(sink, taskId, u, snapshot, quarantined(snapshot, why), List.of(),
                GradingEngine.inputHash(snapshot.input()));
        sink.warn(Message.of(MessageCode.JOB_SET_ASIDE, u.studentId(), u.problemId(), why));
    }

    @PreDestroy
    void stop() {
        watcher.shutdownNow();
    }
}
