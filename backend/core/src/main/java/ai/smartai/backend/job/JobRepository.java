package ai.smartai.backend.job;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.smartai.backend.db.Db;
import ai.smartai.model.job.JobStatus;

@ApplicationScoped
public class JobRepository {

    @Inject
    Db db;

    public void persist(Job job) {
        db.em().persist(job);
    }

    public Optional<Job> find(String id) {
        return Optional.ofNullable(db.em().find(Job.class, id));
    }

    public Optional<Job> findOwned(String id, String ownerId) {
        return find(id).filter(j -> j.getOwnerId().equals(ownerId));
    }

    /** Jobs a stop interrupted: they resume at the next start. */
    public List<Job> unfinished() {
        return db.em().createQuery("from Job where status in :s order by createdAt", Job.class)
                .setParameter("s", List.of(JobStatus.QUEUED, JobStatus.RUNNING))
                .getResultList();
    }

    public Optional<Job> latestActive(String taskId) {
        return db.em().createQuery("from Job where taskId = :t and status in :s order by createdAt desc", Job.class)
                .setParameter("t", taskId)
                .setParameter("s", List.of(JobStatus.QUEUED, JobStatus.RUNNING, JobStatus.PAUSED))
                .setMaxResults(1)
                .getResultStream().findFirst();
    }
}
