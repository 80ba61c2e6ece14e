package ai.smartai.backend.ingest;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import ai.smartai.model.job.JobKind;

/** One uploaded file, by content hash: the same bytes uploaded again do nothing. */
@Entity
@Table(name = "upload")
@IdClass(Upload.Key.class)
public class Upload {

    @Id
    @Column(name = "task_id")
    private String taskId;
    @Id
    @Enumerated(EnumType.STRING)
    private JobKind kind;
    @Id
    private String sha256;
    @Column(name = "file_name", nullable = false)
    private String fileName;
    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;
    @Column(name = "job_id", nullable = false)
    private String jobId;
    /** The decoded text, kept so a new problem set can re-apply the key and re-split the answers. */
    private String text;
    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    protected Upload() {
    }

    public Upload(String taskId, JobKind kind, String sha256, String fileName, long sizeBytes, String jobId,
            Instant uploadedAt) {
        this.taskId = taskId;
        this.kind = kind;
        this.sha256 = sha256;
        this.fileName = fileName;
        this.sizeBytes = sizeBytes;
        this.jobId = jobId;
        this.uploadedAt = uploadedAt;
    }

    public String getJobId() {
        return jobId;
    }

    public void setJobId(String jobId) {
        this.jobId = jobId;
    }

    public String getFileName() {
        return fileName;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }

    public static class Key implements Serializable {
        String taskId;
        JobKind kind;
        String sha256;

        public Key() {
        }

        public Key(String taskId, JobKind kind, String sha256) {
            this.taskId = taskId;
            this.kind = kind;
            this.sha256 = sha256;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && taskId.equals(k.taskId) && kind == k.kind && sha256.equals(k.sha256);
        }

        @Override
        public int hashCode() {
            return Objects.hash(taskId, kind, sha256);
        }
    }
}
