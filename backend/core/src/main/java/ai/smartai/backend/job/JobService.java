package ai.smartai.backend.job;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ai.smartai.backend.account.CurrentUser;
import ai.smartai.backend.db.Db;
import ai.smartai.backend.db.Ids;
import ai.smartai.backend.web.ApiException;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import ai.smartai.model.job.JobKind;
import ai.smartai.model.job.JobStatus;
import ai.smartai.model.job.JobView;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;

/**
 * Creates, runs and reports persisted jobs. Work runs on a bounded pool; each kind has a {@link JobHandler}. Several
 * replicas may share one database: a replica runs a job only while it holds the job's lease, renews its leases on a
 * heartbeat, and takes over jobs whose lease ran out (their owner died). Handlers are written to be re-run safely.
 */
@ApplicationScoped
public class JobService {

    private static final Logger LOG = Logger.getLogger(JobService.class);

    @Inject
    JobRepository jobs;

    @Inject
    @Any
    Instance<JobHandler> handlers;

    @Inject
    JobsConfig config;

    @Inject
    Db db;

    Clock clock = Clock.systemUTC();
    /** This replica's name on the leases it holds. */
    String replicaId;

    /** Jobs this replica holds the lease of: waiting for a job thread or running. */
    private final Map<String, Boolean> running = new ConcurrentHashMap<>();
    /**
     * Pause or cancel requests for jobs running on this node, read by handlers at each unit boundary. A request made
     * on another replica arrives with the next heartbeat, which reads the job's status.
     */
    private final Map<String, JobStatus> requested = new ConcurrentHashMap<>();
    /** Jobs whose lease another replica took (this one missed its renewals): they stop here without finishing. */
    private final Set<String> lost = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService heartbeat;
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

    @PostConstruct
    void name() {
        replicaId = config.replicaId().filter(id -> !id.isBlank()).orElseGet(JobService::newReplicaId);
    }

    private static String newReplicaId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "replica";
        }
        String id = host + "-" + Ids.newId().substring(0, 8);
        return id.length() > 100 ? id.substring(id.length() - 100) : id;
    }

    /** The name this replica writes on the leases it holds. */
    String replica() {
        return replicaId;
    }

    /**
     * Schedules a stored job if this replica can claim it: one that another live replica holds is left alone. Call
     * outside the creating transaction, once it committed.
     */
    public void submit(String jobId) {
        if (stopping || running.putIfAbsent(jobId, Boolean.TRUE) != null) {
            return;
        }
        Job job;
        try {
            job = QuarkusTransaction.requiringNew().call(() -> {
                Instant now = clock.instant();
                return jobs.claim(jobId, replicaId, now, now.plus(config.lease())) ? jobs.find(jobId).orElse(null)
                        : null;
            });
        } catch (RuntimeException e) {
            running.remove(jobId);
            throw e;
        }
        if (job == null) {
            running.remove(jobId);
            return;
        }
        // A claim means the job is queued or running now and ours: a pause, cancel or loss seen before is over.
        requested.remove(jobId);
        lost.remove(jobId);
        FairExecutor pool = job.getKind() == JobKind.GRADING ? gradingPool : ingestPool;
        try {
            pool.execute(job.getOwnerId(), () -> start(jobId));
        } catch (IllegalStateException stopped) {
            let(jobId);
        }
    }

    /** This replica is done with the job for now: the lease goes, so any replica may take what is left at once. */
    private void let(String jobId) {
        try {
            QuarkusTransaction.requiringNew().run(() -> jobs.release(jobId, replicaId));
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not release the lease of job %s; it lapses in %s", jobId, config.lease());
        } finally {
            running.remove(jobId);
        }
    }

    /** Starts the job's handler; the job ends when the stage it returns completes, on whichever thread that is. */
    void start(String jobId) {
        CompletionStage<Void> work;
        try {
            Job job = QuarkusTransaction.requiringNew().call(() -> jobs.find(jobId).orElse(null));
            if (job == null || job.getStatus().isFinished() || job.getStatus() == JobStatus.PAUSED) {
                let(jobId);
                return;
            }
            JobHandler handler = handlers.stream().filter(h -> h.kinds().contains(job.getKind())).findFirst()
                    .orElse(null);
            work = handler == null ? CompletableFuture.failedFuture(new JobFailure(Message.text("No handler for "
                    + job.getKind() + " jobs."))) : handler.run(new JobContext(this, jobId));
        } catch (Throwable e) {
            work = CompletableFuture.failedFuture(e);
        }
        work.whenComplete((ok, error) -> {
            try {
                end(jobId, error instanceof CompletionException && error.getCause() != null ? error.getCause()
                        : error);
            } finally {
                let(jobId);
            }
        });
    }

    private void end(String jobId, Throwable error) {
        if (lost.remove(jobId)) {
            LOG.warnf("Job %s was taken over by another replica; this one stopped taking its units", jobId);
        } else if (error == null) {
            QuarkusTransaction.requiringNew().run(() -> jobs.transition(jobId, List.of(JobStatus.QUEUED,
                    JobStatus.RUNNING), JobStatus.SUCCEEDED, clock.instant()));
            requested.remove(jobId);
        } else if (error instanceof JobFailure failure) {
            fail(jobId, failure.text());
        } else if (stopping) {
            LOG.infof("Job %s interrupted by shutdown; another replica or the next start continues it", jobId);
        } else {
            // The exception's own text may hold SQL or paths: it goes to the log, the teacher gets a reference.
            String reference = Ids.newId();
            LOG.errorf(error, "Job %s failed (reference %s)", jobId, reference);
            fail(jobId, Message.of(MessageCode.JOB_UNEXPECTED, reference));
        }
    }

    /** Runs a job's continuation (e.g. the end of a grading run) on the job pools rather than a grading worker. */
    public void continueOnJobPool(String ownerId, Runnable work) {
        gradingPool.execute(ownerId, work);
    }

    void fail(String jobId, Message error) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (jobs.transition(jobId, List.of(JobStatus.QUEUED, JobStatus.RUNNING, JobStatus.PAUSED), JobStatus.FAILED,
                    clock.instant())) {
                jobs.find(jobId).ifPresent(j -> j.recordError(error));
            }
        });
    }

    /** Progress and warnings, in a transaction of their own so a reader sees them at once. */
    void update(String jobId, Consumer<Job> change) {
        QuarkusTransaction.requiringNew().run(() -> jobs.find(jobId).ifPresent(j -> {
            change.accept(j);
            jobs.changed(jobId);
        }));
    }

    /** Adds warnings to a job, whichever replica found them (a unit graded away from the job's owner). */
    public void warn(String jobId, List<Message> warnings) {
        if (!warnings.isEmpty()) {
            update(jobId, j -> j.warn(warnings));
        }
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
            Job j = jobs.findOwned(jobId, user.id())
                    .orElseThrow(() -> ApiException.notFound(MessageCode.THING_JOB, jobId));
            if (!jobs.transition(jobId, List.of(JobStatus.PAUSED), JobStatus.QUEUED, clock.instant())) {
                throw ApiException.conflict("job_not_paused", Message.of(MessageCode.ERR_JOB_NOT_PAUSED, jobId,
                        state(j.getStatus())));
            }
            return view(jobs.refresh(j));
        });
        requested.remove(jobId);
        submit(jobId);
        return view;
    }

    private JobView control(CurrentUser user, String jobId, JobStatus target) {
        JobView view = QuarkusTransaction.requiringNew().call(() -> {
            Job j = jobs.findOwned(jobId, user.id())
                    .orElseThrow(() -> ApiException.notFound(MessageCode.THING_JOB, jobId));
            if (j.getStatus().isFinished()) {
                throw ApiException.conflict("job_finished", Message.of(MessageCode.ERR_JOB_FINISHED, jobId,
                        state(j.getStatus())));
            }
            if (target == JobStatus.PAUSED && j.getStatus() == JobStatus.PAUSED) {
                throw ApiException.conflict("job_paused", Message.of(MessageCode.ERR_JOB_PAUSED, jobId));
            }
            List<JobStatus> from = target == JobStatus.PAUSED ? List.of(JobStatus.QUEUED, JobStatus.RUNNING)
                    : List.of(JobStatus.QUEUED, JobStatus.RUNNING, JobStatus.PAUSED);
            if (!jobs.transition(jobId, from, target, clock.instant())) {
                throw ApiException.conflict("job_finished", Message.of(MessageCode.ERR_JOB_JUST_FINISHED, jobId));
            }
            return view(jobs.refresh(j));
        });
        requested.put(jobId, target);
        return view;
    }

    /** A state's name inside a message: the API's word in English. */
    private static MessageCode state(JobStatus s) {
        return MessageCode.valueOf("JOB_STATE_" + s.name());
    }

    /** Whether the handler of this job should stop taking new units (pause, cancel, stopping, or the lease lost). */
    boolean shouldStop(String jobId) {
        return handsOver(jobId) || requested.containsKey(jobId);
    }

    /** Whether this replica gives the job up unfinished: another replica or the next start continues it. */
    boolean handsOver(String jobId) {
        return stopping || lost.contains(jobId);
    }

    @Transactional
    public JobView view(CurrentUser user, String jobId) {
        return jobs.findOwned(jobId, user.id()).map(JobService::view)
                .orElseThrow(() -> ApiException.notFound(MessageCode.THING_JOB, jobId));
    }

    public static JobView view(Job j) {
        Message current = j.current();
        return new JobView(j.getId(), j.getTaskId(), j.getKind(), j.getStatus(), j.getDone(), j.getTotal(),
                current == null ? null : current.english(), j.getWarnings().stream().map(Message::english).toList(),
                j.getError(), j.getCreatedAt(), j.getStartedAt(), j.getFinishedAt(), j.getInputName(),
                j.getWarnings(), j.getErrorMessage(), current);
    }

    void onStart(@Observes StartupEvent event) {
        if (!db.isPostgres()) {
            // Embedded H2 is this process's file alone: a lease found now belongs to a process that died.
            int freed = QuarkusTransaction.requiringNew().call(jobs::releaseAll);
            if (freed > 0) {
                LOG.infof("Resuming %d job(s) interrupted by the last stop", freed);
            }
        }
        startHeartbeat();
    }

    /** Renews this replica's leases and claims orphaned jobs now and every heartbeat; live leases are never taken. */
    void startHeartbeat() {
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "smartai-job-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleWithFixedDelay(this::beat, 0, config.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void beat() {
        if (stopping) {
            return;
        }
        try {
            renewLeases();
            List<String> orphans = QuarkusTransaction.requiringNew().call(() -> jobs.claimable(clock.instant()));
            orphans.forEach(this::submit);
        } catch (Throwable e) {
            // The database may be away for a moment; the next beat tries again (leases outlive a few beats). Whatever
            // it was, it must not end the schedule: a replica whose heartbeat stopped would run jobs others take over.
            LOG.warnf(e, "Job heartbeat of replica %s failed", replicaId);
        }
    }

    private void renewLeases() {
        Set<String> mine = Set.copyOf(running.keySet());
        if (mine.isEmpty()) {
            return;
        }
        List<Job> now = QuarkusTransaction.requiringNew().call(() -> {
            jobs.renew(replicaId, mine, clock.instant().plus(config.lease()));
            return jobs.current(mine);
        });
        for (Job j : now) {
            if (j.getStatus() == JobStatus.PAUSED || j.getStatus() == JobStatus.CANCELLED) {
                requested.putIfAbsent(j.getId(), j.getStatus());
            } else if (j.getLeaseOwner() != null && !replicaId.equals(j.getLeaseOwner())
                    && !j.getStatus().isFinished()) {
                // Another replica claimed it after our lease ran out (a long pause of this process): it is theirs.
                lost.add(j.getId());
            }
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @PreDestroy
    void awaitSafePoint() {
        // Handlers check shouldStop() between units; give them a moment to commit the unit in hand.
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!running.isEmpty() && System.nanoTime() < until) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (heartbeat != null) {
            heartbeat.shutdownNow();
        }
        ingestPool.shutdownNow();
        gradingPool.shutdownNow();
        // Jobs that did not reach a safe point are given up, so another replica takes them without waiting.
        Set.copyOf(running.keySet()).forEach(this::let);
    }
}
