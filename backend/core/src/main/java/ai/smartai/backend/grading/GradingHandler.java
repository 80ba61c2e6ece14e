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
        List<WorkUnit> work = units.stream().map(u -> new WorkUnit(job.getId(), taskId, u.studentUid(), u.studentId(),
                u.problemId())).toList();
        queue.submit(taskId, work, unit -> {
            if (context.stopping()) {
                return;
            }
            GradingService.Unit u = new GradingService.Unit(unit.studentUid(), unit.studentId(), unit.problemId());
            try {
                GradingService.Snapshot snapshot = service.snapshot(taskId, u);
                String hash = GradingEngine.inputHash(snapshot.input());
                GradeResult result = service.cached(hash).orElse(null);
                if (result == null) {
                    result = engine.grade(snapshot.input());
                    // Only decided grades are cached: "no score" may come from the machine (a sandbox missing, a
                    // model not loaded), and a regrade once it is fixed must really grade again.
                    if (result.score() != null) {
                        service.cache(hash, result);
                    }
                }
                service.store(taskId, u, snapshot, result, hash);
                context.progress(done.incrementAndGet(), units.size(), unit.studentId() + " / " + unit.problemId()
                        + " / " + result.method().name().toLowerCase());
            } catch (RuntimeException e) {
                // One failing answer never fails the batch: it is reported and stays ungraded.
                LOG.warnf(e, "Grading %s / %s failed", unit.studentId(), unit.problemId());
                warnings.add(unit.studentId() + " / " + unit.problemId() + ": not graded (" + e.getMessage() + ")");
                done.incrementAndGet();
            }
        }).join();
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
}
