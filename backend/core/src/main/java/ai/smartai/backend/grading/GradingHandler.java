package ai.smartai.backend.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.smartai.backend.job.Job;
import ai.smartai.backend.job.JobContext;
import ai.smartai.backend.job.JobHandler;
import ai.smartai.model.job.JobKind;
import ai.smartai.model.task.TaskStatus;
import org.jboss.logging.Logger;

/**
 * A grading run: every pending unit goes to the {@link UnitQueue} (one bounded pool, fair between tasks) and is
 * stored in its own transaction. A stop or a crash loses nothing finished; the next start does only the units not yet stored.
 */
@ApplicationScoped
public class GradingHandler implements JobHandler {

    private static final Logger LOG = Logger.getLogger(GradingHandler.class);

    @Inject
    GradingService service;

    @Inject
    GradingEngine engine;

    @Inject
    UnitQueue queue;

    @Inject
    ai.smartai.backend.llm.LlmPanel panel;

    @Inject
    GradingConfig config;

    @Override
    public Set<JobKind> kinds() {
        return Set.of(JobKind.GRADING);
    }

    @Override
    public void run(JobContext context) {
        Job job = context.job();
        String taskId = job.getTaskId();
        List<GradingService.Unit> units = service.pendingUnits(taskId, GradingService.plan(job));
        context.start(units.size());
        service.setStatus(taskId, TaskStatus.GRADING);
        AtomicInteger done = new AtomicInteger();
        List<String> warnings = java.util.Collections.synchronizedList(new ArrayList<>());
        ai.smartai.backend.llm.PanelSetup setup = service.panelSetup(taskId);
        if (setup.active()) {
            context.progress(0, units.size(), "LLM panel: " + setup.experts().size() + " expert(s), judge "
                    + (setup.judge() == null ? "none" : setup.judge().displayName()));
        }
        List<WorkUnit> work = units.stream().map(u -> new WorkUnit(job.getId(), taskId, u.studentUid(), u.studentId(),
                u.problemId())).toList();
        // Tools use the CPU workers; the panel waits on the network, so it runs beside them with its own bound.
        java.util.concurrent.Semaphore panelSlots = new java.util.concurrent.Semaphore(config.llmWorkers());
        List<java.util.concurrent.CompletableFuture<Void>> panels = java.util.Collections.synchronizedList(
                new ArrayList<>());
        queue.submit(taskId, work, unit -> {
            if (context.stopping()) {
                return;
            }
            GradingService.Unit u = new GradingService.Unit(unit.studentUid(), unit.studentId(), unit.problemId());
            try {
                GradingService.Snapshot snapshot = service.snapshot(taskId, u);
                String hash = GradingEngine.inputHash(snapshot.input());
                GradeResult tools = service.cached(hash).orElse(null);
                if (tools == null) {
                    tools = engine.grade(snapshot.input());
                    // Only decided grades are cached: "no score" may come from the machine (a sandbox missing, a
                    // model not loaded), and a regrade once it is fixed must really grade again.
                    if (tools.score() != null) {
                        service.cache(hash, tools);
                    }
                }
                if (!setup.active() || !ai.smartai.backend.llm.LlmPanel.applies(snapshot.input(), tools)) {
                    finish(context, u, snapshot, tools, List.of(), hash, done, units.size());
                    return;
                }
                GradeResult byTools = tools;
                panelSlots.acquireUninterruptibly();
                panels.add(java.util.concurrent.CompletableFuture.runAsync(() -> {
                    try {
                        // The tools' result stays cached as is; the panel's replies are cached by prompt instead.
                        var outcome = panel.grade(snapshot.input(), byTools, setup);
                        service.addTokens(taskId, outcome.tokens());
                        finish(context, u, snapshot, outcome.result(), outcome.experts(), hash, done, units.size());
                    } catch (RuntimeException e) {
                        failed(u, e, warnings, done);
                    } finally {
                        panelSlots.release();
                    }
                }, panel.executor()));
            } catch (RuntimeException e) {
                failed(u, e, warnings, done);
            }
        }).join();
        java.util.concurrent.CompletableFuture.allOf(panels.toArray(java.util.concurrent.CompletableFuture[]::new))
                .join();
        if (context.serverStopping()) {
            throw new IllegalStateException("stopping: the run resumes at the next start");
        }
        if (context.stopping()) {
            // Paused or cancelled: what finished is stored; a resume does the rest.
            context.warn(warnings);
            service.setStatus(taskId, TaskStatus.READY);
            return;
        }
        warnings.addAll(service.detectCopies(taskId));
        context.warn(warnings);
        context.progress(units.size(), units.size(), null);
        service.setStatus(taskId, TaskStatus.GRADED);
    }

    private void finish(JobContext context, GradingService.Unit u, GradingService.Snapshot snapshot,
            GradeResult result, List<ai.smartai.model.grade.ExpertVote> experts, String hash, AtomicInteger done,
            int total) {
        service.store(context.job().getTaskId(), u, snapshot, result, experts, hash);
        context.progress(done.incrementAndGet(), total, u.studentId() + " / " + u.problemId() + " / "
                + result.method().name().toLowerCase());
    }

    /** One failing answer never fails the batch: it is reported and stays ungraded. */
    private static void failed(GradingService.Unit u, RuntimeException e, List<String> warnings, AtomicInteger done) {
        LOG.warnf(e, "Grading %s / %s failed", u.studentId(), u.problemId());
        warnings.add(u.studentId() + " / " + u.problemId() + ": not graded (" + e.getMessage() + ")");
        done.incrementAndGet();
    }
}
