package ai.smartai.backend.job;

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

    /** Jobs a stop interrupted: they resume at the next start. */
    public List<Job> unfinished() {
        return db.em().createQuery("from Job where status in :s order by createdAt", Job.class)
                .setParameter("s", List.of(JobStatus.QUEUED, JobStatus.RUNNING))
                .getResultList();
    }

    /**
     * Moves a job to {@code to} only from one of {@code from}, in one statement: concurrent pause, cancel and progress
     * can never undo each other. Returns whether it moved.
     */
    public boolean transition(String id, List<JobStatus> from, JobStatus to, java.time.Instant now) {
        boolean finishing = to.isFinished();
        String set = "status = :to" + (to == JobStatus.RUNNING ? ", startedAt = coalesce(startedAt, :now)" : "")
                + (finishing ? ", finishedAt = :now, currentUnit = null" : "")
                + (to == JobStatus.SUCCEEDED ? ", done = total" : "");
        var q = db.em().createQuery("update Job set " + set + " where id = :id and status in :from")
                .setParameter("to", to).setParameter("id", id).setParameter("from", from);
        if (to == JobStatus.RUNNING || finishing) {
            q.setParameter("now", now);
        }
        return q.executeUpdate() == 1;
    }

    /** Reloads a job after a bulk transition, which bypasses the persistence context. */
    public Job refresh(Job job) {
        db.em().refresh(job);
        return job;
    }

    public void progress(String id, int done, int total, String current) {
        db.em().createQuery("update Job set done = :d, total = :t, currentUnit = :c where id = :id")
                .setParameter("d", done).setParameter("t", total)
                .setParameter("c", current == null ? null : current.length() > 500 ? current.substring(0, 500) : current)
                .setParameter("id", id).executeUpdate();
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
