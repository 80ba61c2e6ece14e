package ai.smartai.backend.grading;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.smartai.backend.job.Job;
import ai.smartai.backend.job.JobContext;
import ai.smartai.backend.job.JobHandler;
import ai.smartai.backend.job.JobService;
import ai.smartai.backend.grading.panel.LlmPanel;
import ai.smartai.backend.grading.panel.PanelSetup;
import ai.smartai.backend.metrics.OpsMetrics;
import ai.smartai.model.grade.Evidence;
import ai.smartai.model.grade.ExpertVote;
import ai.smartai.model.job.JobKind;
import ai.smartai.model.task.TaskStatus;
import org.jboss.logging.Logger;

/**
 * A grading run: every pending unit goes to the {@link UnitQueue} (one bounded pool, fair between tasks) and is
 * stored in its own transaction. A stop or a crash loses nothing finished; whichever replica continues the job does only
 * the units not yet stored. The run holds no thread while its units wait: the job ends when the last unit is stored.
 */
@ApplicationScoped
public class GradingHandler implements JobHandler {

    private static final Logger LOG = Logger.getLogger(GradingHandler.class);

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

    @Override
    public Set<JobKind> kinds() {
        return Set.of(JobKind.GRADING);
    }

    @Override
    public CompletionStage<Void> run(JobContext context) {
        Job job = context.job();
        String taskId = job.getTaskId();
        List<GradingRunService.Unit> units = service.pendingUnits(taskId, GradingRunService.plan(job),
                job.getStartedAt());
        context.start(units.size());
        int total = units.size();
        service.setStatus(taskId, TaskStatus.GRADING);
        AtomicInteger done = new AtomicInteger();
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        PanelSetup setup = service.panelSetup(taskId);
        if (setup.active()) {
            context.progress(0, total, "LLM panel: " + setup.experts().size() + " expert(s), judge "
                    + (setup.judge() == null ? "none" : setup.judge().displayName()));
        }
        List<WorkUnit> work = units.stream().map(u -> new WorkUnit(job.getId(), taskId, u.studentUid(), u.studentId(),
                u.problemId())).toList();
        // Tools use the CPU workers; the panel waits on the network, so it runs beside them with its own bound.
        Semaphore panelSlots = new Semaphore(config.llmWorkers());
        List<CompletableFuture<Void>> panels = Collections.synchronizedList(new ArrayList<>());
        OpsMetrics.queued(work.size());
        CompletableFuture<Void> tools = queue.submit(taskId, work, unit -> {
            OpsMetrics.dequeued();
            if (context.stopping()) {
                return;
            }
            GradingRunService.Unit u = new GradingRunService.Unit(unit.studentUid(), unit.studentId(), unit.problemId());
            for (int attempt = 1; ; attempt++) {
                try {
                    gradeUnit(context, taskId, u, setup, panelSlots, panels, warnings, done, total);
                    return;
                } catch (Throwable e) {
                    if (attempt >= UnitAttempt.QUARANTINE_AFTER) {
                        failed(context, taskId, u, e, warnings, done, total);
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

    private void gradeUnit(JobContext context, String taskId, GradingRunService.Unit u, PanelSetup setup,
            Semaphore panelSlots, List<CompletableFuture<Void>> panels, List<String> warnings, AtomicInteger done,
            int total) {
        GradingRunService.Snapshot snapshot = service.snapshot(taskId, u);
        String hash = GradingEngine.inputHash(snapshot.input());
        if (snapshot.answerNotFound()) {
            // Not a blank: the answer may be in the text the split could not place, so no score is invented.
            finish(context, taskId, u, snapshot, notFound(snapshot), List.of(), hash, done, total);
            return;
        }
        GradeResult tools = service.cached(hash).orElse(null);
        if (tools == null) {
            int attempt = service.beginAttempt(taskId, u, hash);
            if (attempt > UnitAttempt.QUARANTINE_AFTER) {
                // Started twice before without a stored grade: it crashed the server or failed each time.
                String last = service.lastAttemptError(u).orElse("the server stopped while grading it");
                warnings.add(u.studentId() + " / " + u.problemId() + ": set aside after "
                        + UnitAttempt.QUARANTINE_AFTER + " failed attempts (" + last + ")");
                finish(context, taskId, u, snapshot, quarantined(snapshot, last), List.of(), hash, done, total);
                return;
            }
            tools = engine.grade(snapshot.input());
            // Only decided grades are cached: "no score" may come from the machine (a sandbox missing, a model not
            // loaded), and a regrade once it is fixed must really grade again.
            if (tools.score() != null) {
                service.cache(hash, tools);
            }
        }
        tools = KeyPolicies.apply(snapshot.input(), tools);
        if (!setup.active() || !LlmPanel.applies(snapshot.input(), tools)) {
            finish(context, taskId, u, snapshot, tools, List.of(), hash, done, total);
            return;
        }
        GradeResult byTools = tools;
        panelSlots.acquireUninterruptibly();
        panels.add(CompletableFuture.runAsync(() -> {
            try {
                // The tools' result stays cached as is; the panel's replies are cached by prompt instead.
                var outcome = panel.grade(snapshot.input(), byTools, setup);
                service.addTokens(taskId, outcome.tokens());
                finish(context, taskId, u, snapshot, outcome.result(), outcome.experts(), hash, done, total);
            } catch (Throwable e) {
                failed(context, taskId, u, e, warnings, done, total);
            } finally {
                panelSlots.release();
            }
        }, panel.executor()));
    }

    private void finish(JobContext context, String taskId, int total, List<String> warnings) {
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
        context.progress(total, total, null);
        service.setStatus(taskId, TaskStatus.GRADED);
    }

    private static GradeResult notFound(GradingRunService.Snapshot snapshot) {
        String unmatched = snapshot.notFoundIn();
        String shown = unmatched.length() > 500 ? unmatched.substring(0, 500) + "…" : unmatched;
        return GradeResult.none(snapshot.input().maxScore(), "no answer to this problem was found on the sheet, which "
                + "has " + unmatched.length() + " characters of text that matched no problem; find the answer there",
                snapshot.input().say("未能在答卷中定位本题答案，请老师查看未归属的文字后评分。",
                        "The answer to this problem could not be located on the sheet; see its unmatched text."),
                List.of(new Evidence("unmatched-text", snapshot.input().say("未归属到任何题目的文字", "Text that matched no problem"),
                        shown)));
    }

    private static GradeResult quarantined(GradingRunService.Snapshot snapshot, String why) {
        return GradeResult.awaitingTeacher(snapshot.input(), "grading this answer failed "
                + UnitAttempt.QUARANTINE_AFTER + " times (" + why + "); it was set aside for the teacher", List.of());
    }

    private void finish(JobContext context, String taskId, GradingRunService.Unit u, GradingRunService.Snapshot snapshot,
            GradeResult result, List<ExpertVote> experts, String hash, AtomicInteger done, int total) {
        service.store(taskId, u, snapshot, result, experts, hash);
        OpsMetrics.unitStored(result.method().name());
        context.progress(done.incrementAndGet(), total, u.studentId() + " / " + u.problemId() + " / "
                + result.method().name().toLowerCase());
    }

    /**
     * One failing answer never fails the batch. After its last try it is stored as a grade with no score and the
     * failure as its review reason; if even that cannot be stored, it is reported and stays ungraded.
     */
    private void failed(JobContext context, String taskId, GradingRunService.Unit u, Throwable e, List<String> warnings,
            AtomicInteger done, int total) {
        LOG.warnf(e, "Grading %s / %s failed", u.studentId(), u.problemId());
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        try {
            service.attemptFailed(u, why);
            GradingRunService.Snapshot snapshot = service.snapshot(taskId, u);
            finish(context, taskId, u, snapshot, quarantined(snapshot, why), List.of(),
                    GradingEngine.inputHash(snapshot.input()), done, total);
            warnings.add(u.studentId() + " / " + u.problemId() + ": set aside for the teacher (" + why + ")");
        } catch (RuntimeException stillFailing) {
            warnings.add(u.studentId() + " / " + u.problemId() + ": not graded (" + why + ")");
            done.incrementAndGet();
        }
    }
}
