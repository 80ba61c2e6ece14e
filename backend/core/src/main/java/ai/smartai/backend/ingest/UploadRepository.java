package ai.smartai.backend.ingest;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.smartai.backend.db.Db;
import ai.smartai.model.job.JobKind;

@ApplicationScoped
public class UploadRepository {

    @Inject
    Db db;

    public Optional<Upload> find(String taskId, JobKind kind, String sha256) {
        return Optional.ofNullable(db.em().find(Upload.class, new Upload.Key(taskId, kind, sha256)));
    }

    public void persist(Upload upload) {
        db.em().persist(upload);
    }

    /** The newest upload of a kind whose text was read successfully. */
    public Optional<Upload> latestRead(String taskId, JobKind kind) {
        return db.em().createQuery("from Upload where taskId = :t and kind = :k and text is not null "
                + "order by uploadedAt desc", Upload.class)
                .setParameter("t", taskId).setParameter("k", kind).setMaxResults(1)
                .getResultStream().findFirst();
    }

    public Optional<Upload> byJob(String jobId) {
        return db.em().createQuery("from Upload where jobId = :j", Upload.class).setParameter("j", jobId)
                .getResultStream().findFirst();
    }
}
