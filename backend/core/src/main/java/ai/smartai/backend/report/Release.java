package ai.smartai.backend.report;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A link that shows one student their report without a login, until it expires or is revoked. */
@Entity
@Table(name = "release_link")
public class Release {

    @Id
    @Column(name = "token_hash")
    private String tokenHash;
    @Column(name = "task_id", nullable = false)
    private String taskId;
    @Column(name = "student_id", nullable = false)
    private String studentId;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected Release() {
    }

    public Release(String tokenHash, String taskId, String studentId, String createdBy, Instant createdAt,
            Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.taskId = taskId;
        this.studentId = studentId;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public boolean isOpen(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public String getTokenHash() {
        return tokenHash;
    }

    public String getTaskId() {
        return taskId;
    }

    public String getStudentId() {
        return studentId;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }
}
