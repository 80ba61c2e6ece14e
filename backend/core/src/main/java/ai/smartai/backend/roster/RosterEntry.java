package ai.smartai.backend.roster;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One line of a task's roster: an id, a name, or both, and what the LMS knows the student by. */
@Entity
@Table(name = "roster_entry")
@IdClass(RosterEntry.Key.class)
public class RosterEntry {

    public record Key(String taskId, int position) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "task_id")
    private String taskId;
    @Id
    private int position;
    @Column(name = "student_id")
    private String studentId;
    private String name;
    private String email;
    @Column(name = "lms_id")
    private String lmsId;

    protected RosterEntry() {
    }

    public RosterEntry(String taskId, int position, String studentId, String name, String email, String lmsId) {
        this.taskId = taskId;
        this.position = position;
        this.studentId = studentId;
        this.name = name;
        this.email = email;
        this.lmsId = lmsId;
    }

    public String getTaskId() {
        return taskId;
    }

    public int getPosition() {
        return position;
    }

    public String getStudentId() {
        return studentId;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public String getLmsId() {
        return lmsId;
    }
}
