package ai.smartai.backend.job;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.smartai.backend.access.TaskAccess;
import ai.smartai.backend.db.Db;
import ai.smartai.model.job.JobKind;
import ai.smartai.model.job.JobStatus;

@ApplicationScoped
public class JobRepository {

    @Inject
    Db db;

    @Inject
    TaskAccess access;

    @Inject
    JobEvents events;

    public void persist(Job job) {
        db.em().persist(job);
    }

    public Optional<Job> find(String id) {
        return Optional.ofNullable(db.em().find(Job.class, id));
    }

    /** A job of a task the user owns or shares. */
    public Optional<Job> findOwned(String id, String userId) {
        return find(id).filter(j -> access.canSee(userId, j.getTaskId()));
    }

    private static final List<JobStatus> TO_RUN = List.of(JobStatus.QUEUED, JobStatus.RUNNING);

    /** Jobs waiting to run whose lease is free or ran out (their owner died or stopped), oldest first. */
    public List<String> claimable(Instant now) {
        return db.em().createQuery("select id from Job where status in :s and (leaseOwner is null or leaseUntil < :now)"
                + " order by createdAt", String.class)
                .setParameter("s", TO_RUN).setParameter("now", now)
                .getResultList();
    }

    /**
     * Takes a job for {@code replica} until {@code until}, in one statement: of replicas claiming at once exactly one
     * wins, and a live lease of another replica is never taken.
     */
    public boolean claim(String id, String replica, Instant now, Instant until) {
        return db.em().createQuery("update Job set leaseOwner = :me, leaseUntil = :until where id = :id"
                + " and status in :s and (leaseOwner is null or leaseUntil < :now or leaseOwner = :me)")
                .setParameter("me", replica).setParameter("until", until).setParameter("id", id)
                .setParameter("s", TO_RUN).setParameter("now", now)
                .executeUpdate() == 1;
    }

    /** Extends the leases {@code replica} still holds among {@code ids}. */
    public void renew(String replica, Collection<String> ids, Instant until) {
        db.em().createQuery("update Job set leaseUntil = :until where leaseOwner = :me and id in :ids")
                .setParameter("until", until).setParameter("me", replica).setParameter("ids", ids)
                .executeUpdate();
    }

    /** The jobs among {@code ids}, as stored now (status and lease owner), read after {@link #renew}. */
    public List<Job> current(Collection<String> ids) {
        return db.em().createQuery("from Job where id in :ids", Job.class).setParameter("ids", ids).getResultList();
    }

    /** Gives a job up so that any replica may take it at once. */
    public void release(String id, String replica) {
        db.em().createQuery("update Job set leaseOwner = null, leaseUntil = null where id = :id and leaseOwner = :me")
                .setParameter("id", id).setParameter("me", replica).executeUpdate();
    }

    /** Frees every lease: only for a database no other process can open (embedded H2), at start-up. */
    public int releaseAll() {
        return db.em().createQuery("update Job set leaseOwner = null, leaseUntil = null where leaseOwner is not null")
                .executeUpdate();
    }

    /**
     * Moves a job to {@code to} only from one of {@code from}, in one statement: concurrent pause, cancel and progress
     * can never undo each other. Returns whether it moved.
     */
    public boolean transition(String id, List<JobStatus> from, JobStatus to, Instant now) {
        boolean finishing = to.isFinished();
        String set = "status = :to" + (to == JobStatus.RUNNING ? ", startedAt = coalesce(startedAt, :now)" : "")
                + (finishing ? ", finishedAt = :now, currentUnit = null, leaseOwner = null, leaseUntil = null" : "")
                + (to == JobStatus.SUCCEEDED ? ", done = total" : "");
        var q = db.em().createQuery("update Job set " + set + " where id = :id and status in :from")
                .setParameter("to", to).setParameter("id", id).setParameter("from", from);
        if (to == JobStatus.RUNNING || finishing) {
            q.setParameter("now", now);
        }
        boolean moved = q.executeUpdate() == 1;
        if (moved) {
            events.changed(id);
        }
        return moved;
    }

    /** Reloads a job after a bulk transition, which bypasses the persistence context. */
    public Job refresh(Job job) {
        db.em().refresh(job);
        return job;
    }

    /** Raises the count of done units, never lowers it: counts made at the same time may commit in any order. */
    public void raiseDone(String id, int done) {
        if (db.em().createQuery("update Job set done = :d where id = :id and done < :d").setParameter("d", done)
                .setParameter("id", id).executeUpdate() > 0) {
            events.changed(id);
        }
    }

    public void progress(String id, int done, int total, String current) {
        db.em().createQuery("update Job set done = :d, total = :t, currentUnit = :c where id = :id")
                .setParameter("d", done).setParameter("t", total)
                .setParameter("c",
                        current == null ? null : current.length() > 500 ? current.substring(0, 500) : current)
                .setParameter("id", id).executeUpdate();
        events.changed(id);
    }

    /** A change made on the entity (warnings, an error) reaches the job's event streams once it commits. */
    void changed(String id) {
        events.changed(id);
    }

    /** The task's ended uploads, newest first, that still have a report to show. */
    public List<Job> reports(String taskId, int max) {
        return db.em().createQuery("from Job where taskId = :t and kind <> :g and status in :s and dismissedAt is null"
                + " order by createdAt desc", Job.class)
                .setParameter("t", taskId).setParameter("g", JobKind.GRADING)
                .setParameter("s", List.of(JobStatus.FAILED, JobStatus.SUCCEEDED, JobStatus.CANCELLED))
                .setMaxResults(50).getResultStream().filter(Job::hasReport).limit(max).toList();
    }

    public Optional<Job> latestActive(String taskId) {
        return db.em().createQuery("from Job where taskId = :t and status in :s order by createdAt desc", Job.class)
                .setParameter("t", taskId)
                .setParameter("s", List.of(JobStatus.QUEUED, JobStatus.RUNNING, JobStatus.PAUSED))
                .setMaxResults(1)
                .getResultStream().findFirst();
    }
}
