package ai.smartai.backend.task;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import ai.smartai.model.task.TaskStatus;

/** One homework of one class. Every task has an owner from the moment it exists. */
@Entity
@Table(name = "task")
public class Task {

    @Id
    private String id;

    @Column(name = "owner_id", nullable = false)
    private String ownerId;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TaskStatus status;

    @Column(name = "pass_threshold", nullable = false)
    private double passThreshold;

    @Column(name = "llm_tokens", nullable = false)
    private long llmTokens;

    @Column(name = "judge_provider_id")
    private String judgeProviderId;

    @Column(name = "llm_samples", nullable = false)
    private int llmSamples = 1;

    @Column(name = "comment_language")
    private String commentLanguage;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Task() {
    }

    public Task(String id, String ownerId, String name, double passThreshold, Instant now) {
        this.id = id;
        this.ownerId = ownerId;
        this.name = name;
        this.status = TaskStatus.DRAFT;
        this.passThreshold = passThreshold;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public String getId() {
        return id;
    }

    public String getOwnerId() {
        return ownerId;
    }

    public String getName() {
        return name;
    }

    public TaskStatus getStatus() {
        return status;
    }

    public double getPassThreshold() {
        return passThreshold;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void rename(String name, Instant now) {
        this.name = name;
        this.updatedAt = now;
    }

    public void setPassThreshold(double passThreshold, Instant now) {
        this.passThreshold = passThreshold;
        this.updatedAt = now;
    }

    public void setStatus(TaskStatus status, Instant now) {
        this.status = status;
        this.updatedAt = now;
    }

    public long getLlmTokens() {
        return llmTokens;
    }

    public String getJudgeProviderId() {
        return judgeProviderId;
    }

    public int getLlmSamples() {
        return llmSamples;
    }

    /** "zh" or "en" for every comment of the task; null for each problem's own language. */
    public String getCommentLanguage() {
        return commentLanguage;
    }

    public void setCommentLanguage(String commentLanguage, Instant now) {
        this.commentLanguage = commentLanguage;
        this.updatedAt = now;
    }

    public void setPanel(String judgeProviderId, int llmSamples, Instant now) {
        this.judgeProviderId = judgeProviderId;
        this.llmSamples = llmSamples;
        this.updatedAt = now;
    }
}
