package ai.smartai.backend.job;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ai.smartai.backend.account.CurrentUser;
import ai.smartai.backend.db.Ids;
import ai.smartai.backend.web.ApiException;
import ai.smartai.model.job.JobKind;
import ai.smartai.model.job.JobStatus;
import ai.smartai.model.job.JobView;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;

/**
 * Creates, runs and reports persisted jobs. Work runs on a bounded pool; each kind has a {@link JobHandler}. Jobs a
 * stop interrupted are picked up again at the next start, and handlers are written to be re-run safely.
 */
@ApplicationScoped
public class JobService {

    private static final Logger LOG = Logger.getLogger(JobService.class);

    @Inject
    JobRepository jobs;

    @Inject
    @Any
    Instance<JobHandler> handlers;

    Clock clock = Clock.systemUTC();

    private final Map<String, Boolean> running = new ConcurrentHashMap<>();
    /** Pause or cancel requests for jobs running on this node, read by handlers at each unit boundary. */
    private final Map<String, JobStatus> requested = new ConcurrentHashMap<>();
    /**
     * Uploads and grading runs have pools of their own, each fair between teachers: an upload never waits behind a
     * grading run, and one teacher's queue of uploads never holds up another's. A grading job holds its thread only to
     * plan and to finish; its units run on the grading workers.
     */
    private final FairExecutor ingestPool = new FairExecutor("smartai-ingest", 2, 1);
    private final FairExecutor gradingPool = new FairExecutor("smartai-grading-job", 2, 1);
    private volatile boolean stopping;

    /** Creates a queued job; {@code prepare} fills in its input before it is stored. Runs after commit. */
    @Transactional
    public Job create(String taskId, CurrentUser owner, JobKind kind, Consumer<Job> prepare) {
        Job job = new Job(Ids.newId(), taskId, owner.id(), kind, clock.instant());
        prepare.accept(job);
        jobs.persist(job);
        return job;
    }

    /** Schedules a stored job. Call outside the creating transaction, once it committed. */
    public void submit(String jobId) {
        if (stopping || running.putIfAbsent(jobId, Boolean.TRUE) != null) {
            return;
        }
        Job job = QuarkusTransaction.requiringNew().call(() -> jobs.find(jobId).orElse(null));
        if (job == null) {
            running.remove(jobId);
            return;
        }
        FairExecutor pool = job.getKind() == JobKind.GRADING ? gradingPool : ingestPool;
        try {
            pool.execute(job.getOwnerId(), () -> start(jobId));
        } catch (IllegalStateException stopped) {
            running.remove(jobId);
        }
    }

    /** Starts the job's handler; the job ends when the stage it returns completes, on whichever thread that is. */
    void start(String jobId) {
        CompletionStage<Void> work;
        try {
            Job job = QuarkusTransaction.requiringNew().call(() -> jobs.find(jobId).orElse(null));
            if (job == null || job.getStatus().isFinished() || job.getStatus() == JobStatus.PAUSED) {
                running.remove(jobId);
                return;
            }
            JobHandler handler = handlers.stream().filter(h -> h.kinds().contains(job.getKind())).findFirst()
                    .orElse(null);
            work = handler == null ? CompletableFuture.failedFuture(new JobFailure("No handler for " + job.getKind()
                    + " jobs.")) : handler.run(new JobContext(this, jobId));
        } catch (Throwable e) {
            work = CompletableFuture.failedFuture(e);
        }
        work.whenComplete((ok, error) -> {
            try {
                end(jobId, error instanceof CompletionException && error.getCause() != null ? error.getCause()
                        : error);
            } finally {
                running.remove(jobId);
            }
        });
    }

    private void end(String jobId, Throwable error) {
        if (error == null) {
            QuarkusTransaction.requiringNew().run(() -> jobs.transition(jobId, List.of(JobStatus.QUEUED,
                    JobStatus.RUNNING), JobStatus.SUCCEEDED, clock.instant()));
            requested.remove(jobId);
        } else if (error instanceof JobFailure) {
            fail(jobId, error.getMessage());
        } else if (stopping) {
            LOG.infof("Job %s interrupted by shutdown; it resumes at the next start", jobId);
        } else {
            // The exception's own text may hold SQL or paths: it goes to the log, the teacher gets a reference.
            String reference = Ids.newId();
            LOG.errorf(error, "Job %s failed (reference %s)", jobId, reference);
            fail(jobId, "An unexpected error stopped this job (reference " + reference + " in the server log). "
                    + "Nothing stored before it was lost.");
        }
    }

    /** Runs a job's continuation (e.g. the end of a grading run) on the job pools rather than a grading worker. */
    public void continueOnJobPool(String ownerId, Runnable work) {
        gradingPool.execute(ownerId, work);
    }

    void fail(String jobId, String error) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (jobs.transition(jobId, List.of(JobStatus.QUEUED, JobStatus.RUNNING, JobStatus.PAUSED), JobStatus.FAILED,
                    clock.instant())) {
                jobs.find(jobId).ifPresent(j -> j.recordError(error));
            }
        });
    }

    /** Progress and warnings, in a transaction of their own so a reader sees them at once. */
    void update(String jobId, Consumer<Job> change) {
        QuarkusTransaction.requiringNew().run(() -> jobs.find(jobId).ifPresent(change));
    }

    /** Cancels at the next unit boundary; what finished stays. */
    public JobView cancel(CurrentUser user, String jobId) {
        return control(user, jobId, JobStatus.CANCELLED);
    }

    /** Pauses at the next unit boundary; resume continues with the units not yet done. */
    public JobView pause(CurrentUser user, String jobId) {
        return control(user, jobId, JobStatus.PAUSED);
    }

    public JobView resume(CurrentUser user, String jobId) {
        JobView view = QuarkusTransaction.requiringNew().call(() -> {
            Job j = jobs.findOwned(jobId, user.id()).orElseThrow(() -> ApiException.notFound("Job", jobId));
            if (!jobs.transition(jobId, List.of(JobStatus.PAUSED), JobStatus.QUEUED, clock.instant())) {
                throw ApiException.conflict("job_not_paused", "Job " + jobId + " is " + name(j.getStatus())
                        + ", not paused: only a paused job can be resumed.");
            }
            return view(jobs.refresh(j));
        });
        requested.remove(jobId);
        submit(jobId);
        return view;
    }

    private JobView control(CurrentUser user, String jobId, JobStatus target) {
        JobView view = QuarkusTransaction.requiringNew().call(() -> {
            Job j = jobs.findOwned(jobId, user.id()).orElseThrow(() -> ApiException.notFound("Job", jobId));
            if (j.getStatus().isFinished()) {
                throw ApiException.conflict("job_finished", "Job " + jobId + " has already " + name(j.getStatus())
                        + ".");
            }
            if (target == JobStatus.PAUSED && j.getStatus() == JobStatus.PAUSED) {
                throw ApiException.conflict("job_paused", "Job " + jobId + " is already paused.");
            }
            List<JobStatus> from = target == JobStatus.PAUSED ? List.of(JobStatus.QUEUED, JobStatus.RUNNING)
                    : List.of(JobStatus.QUEUED, JobStatus.RUNNING, JobStatus.PAUSED);
            if (!jobs.transition(jobId, from, target, clock.instant())) {
                throw ApiException.conflict("job_finished", "Job " + jobId + " has just finished.");
            }
            return view(jobs.refresh(j));
        });
        requested.put(jobId, target);
        return view;
    }

    private static String name(JobStatus s) {
        return s.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the handler of this job should stop taking new units (pause, cancel, or the server stopping). */
    boolean shouldStop(String jobId) {
        return stopping || requested.containsKey(jobId);
    }

    @Transactional
    public JobView view(CurrentUser user, String jobId) {
        return jobs.findOwned(jobId, user.id()).map(JobService::view)
                .orElseThrow(() -> ApiException.notFound("Job", jobId));
    }

    public static JobView view(Job j) {
        return new JobView(j.getId(), j.getTaskId(), j.getKind(), j.getStatus(), j.getDone(), j.getTotal(),
                j.getCurrentUnit(), j.getWarnings(), j.getError(), j.getCreatedAt(), j.getStartedAt(),
                j.getFinishedAt(), j.getInputName());
    }

    boolean isStopping() {
        return stopping;
    }

    void onStart(@Observes StartupEvent event) {
        List<String> resume = QuarkusTransaction.requiringNew()
                .call(() -> jobs.unfinished().stream().map(Job::getId).toList());
        if (!resume.isEmpty()) {
            LOG.infof("Resuming %d job(s) interrupted by the last stop", resume.size());
            resume.forEach(this::submit);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @PreDestroy
    void awaitSafePoint() {
        // Handlers check isStopping() between units; give them a moment to commit the unit in hand.
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!running.isEmpty() && System.nanoTime() < until) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        ingestPool.shutdownNow();
        gradingPool.shutdownNow();
    }
}
