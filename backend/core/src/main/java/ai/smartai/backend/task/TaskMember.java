package ai.smartai.backend.task;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A co-teacher or TA on a task: sees and grades it like the owner, but cannot change who shares it. */
@Entity
@Table(name = "task_member")
@IdClass(TaskMember.Key.class)
public class TaskMember {

    public record Key(String taskId, String accountId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "task_id")
    private String taskId;
    @Id
    @Column(name = "account_id")
    private String accountId;
    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    protected TaskMember() {
    }

    public TaskMember(String taskId, String accountId, Instant addedAt) {
        this.taskId = taskId;
        this.accountId = accountId;
        this.addedAt = addedAt;
    }

    public String getTaskId() {
        return taskId;
    }

    public String getAccountId() {
        return accountId;
    }
}
