package ai.smartai.backend.task;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A user name invited to a task; it becomes a member only when that user accepts. */
@Entity
@Table(name = "task_invitation")
@IdClass(Invitation.Key.class)
public class Invitation {

    public record Key(String taskId, String username) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "task_id")
    private String taskId;
    /** Lower case, as user names compare. */
    @Id
    private String username;
    @Column(name = "invited_by", nullable = false)
    private String invitedBy;
    @Column(name = "invited_at", nullable = false)
    private Instant invitedAt;

    protected Invitation() {
    }

    public Invitation(String taskId, String username, String invitedBy, Instant invitedAt) {
        this.taskId = taskId;
        this.username = username;
        this.invitedBy = invitedBy;
        this.invitedAt = invitedAt;
    }

    public String getTaskId() {
        return taskId;
    }

    public String getUsername() {
        return username;
    }

    public String getInvitedBy() {
        return invitedBy;
    }

    public Instant getInvitedAt() {
        return invitedAt;
    }
}
