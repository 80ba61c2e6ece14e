package ai.smartai.backend.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One change to a task's data: who, when, what, and the state before and after. */
@Entity
@Table(name = "audit")
public class Audit {

    @Id
    private String id;
    @Column(name = "task_id", nullable = false)
    private String taskId;
    @Column(nullable = false)
    private Instant at;
    @Column(name = "by_user", nullable = false)
    private String by;
    @Column(nullable = false)
    private String action;
    @Column(nullable = false)
    private String target;
    @Column(name = "before_json")
    private String before;
    @Column(name = "after_json")
    private String after;

    protected Audit() {
    }

    public Audit(String id, String taskId, Instant at, String by, String action, String target, String before,
            String after) {
        this.id = id;
        this.taskId = taskId;
        this.at = at;
        this.by = by;
        this.action = action;
        this.target = target;
        this.before = before;
        this.after = after;
    }

    public String getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public String getBy() {
        return by;
    }

    public String getAction() {
        return action;
    }

    public String getTarget() {
        return target;
    }

    public String getBefore() {
        return before;
    }

    public String getAfter() {
        return after;
    }
}
