package ai.smartai.backend.student;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A student's answer to one problem, exactly as written. {@code edited} marks a teacher's correction. */
@Entity
@Table(name = "answer")
public class Answer {

    @Id
    private String uid;
    @Column(name = "task_id", nullable = false)
    private String taskId;
    @Column(name = "student_uid", nullable = false)
    private String studentUid;
    @Column(name = "problem_id", nullable = false)
    private String problemId;
    @Column(nullable = false)
    private String text;
    @Convert(converter = SheetFlag.Stored.class)
    @Column(nullable = false)
    private List<SheetFlag> flags;
    @Column(nullable = false)
    private boolean edited;
    @Column(nullable = false)
    private int revision;

    protected Answer() {
    }

    public Answer(String uid, String taskId, String studentUid, String problemId, String text, List<SheetFlag> flags) {
        this.uid = uid;
        this.taskId = taskId;
        this.studentUid = studentUid;
        this.problemId = problemId;
        this.text = text;
        this.flags = List.copyOf(flags);
    }

    public String getUid() {
        return uid;
    }

    public String getTaskId() {
        return taskId;
    }

    public String getStudentUid() {
        return studentUid;
    }

    public String getProblemId() {
        return problemId;
    }

    public String getText() {
        return text;
    }

    public List<SheetFlag> getFlags() {
        return flags;
    }

    public boolean isEdited() {
        return edited;
    }

    public int getRevision() {
        return revision;
    }

    /** A re-split by the parser: the text changes only if it differs. */
    public void reparse(String text, List<SheetFlag> flags) {
        if (!this.text.equals(text)) {
            this.text = text;
            revision++;
        }
        this.flags = List.copyOf(flags);
    }

    /** A teacher's correction; later re-splits leave it alone. */
    public void edit(String text, List<SheetFlag> flags) {
        if (!this.text.equals(text)) {
            revision++;
        }
        this.text = text;
        this.flags = List.copyOf(flags);
        this.edited = true;
    }
}
