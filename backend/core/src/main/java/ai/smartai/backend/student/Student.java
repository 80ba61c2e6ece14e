package ai.smartai.backend.student;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import ai.smartai.model.student.IdentifiedBy;

/**
 * A student of a task, identified by their own id (e.g. a matriculation number). The whole decoded answer sheet is
 * kept, so it can be split again when the problem set changes.
 */
@Entity
@Table(name = "student")
public class Student {

    @Id
    private String uid;
    @Column(name = "task_id", nullable = false)
    private String taskId;
    @Column(name = "student_id", nullable = false)
    private String studentId;
    @Column(nullable = false)
    private int position;
    private String name;
    @Column(name = "source_file", nullable = false)
    private String sourceFile;
    @Enumerated(EnumType.STRING)
    @Column(name = "identified_by", nullable = false)
    private IdentifiedBy identifiedBy;
    @Convert(converter = SheetFlag.Stored.class)
    @Column(nullable = false)
    private List<SheetFlag> flags;
    @Column(name = "unmatched_text", nullable = false)
    private String unmatchedText;
    @Column(name = "raw_text", nullable = false)
    private String rawText;
    /** The uid of the same student's graded sheet when this file is their other submission; null when graded. */
    @Column(name = "superseded_by")
    private String supersededBy;

    protected Student() {
    }

    public Student(String uid, String taskId, String studentId, int position, String sourceFile) {
        this.uid = uid;
        this.taskId = taskId;
        this.studentId = studentId;
        this.position = position;
        this.sourceFile = sourceFile;
        this.flags = List.of();
        this.unmatchedText = "";
        this.rawText = "";
        this.identifiedBy = IdentifiedBy.FILENAME;
    }

    public String getUid() {
        return uid;
    }

    public String getSupersededBy() {
        return supersededBy;
    }

    public void setSupersededBy(String supersededBy) {
        this.supersededBy = supersededBy;
    }

    public String getTaskId() {
        return taskId;
    }

    public String getStudentId() {
        return studentId;
    }

    public void setStudentId(String studentId) {
        this.studentId = studentId;
    }

    public int getPosition() {
        return position;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSourceFile() {
        return sourceFile;
    }

    public IdentifiedBy getIdentifiedBy() {
        return identifiedBy;
    }

    public void setIdentifiedBy(IdentifiedBy identifiedBy) {
        this.identifiedBy = identifiedBy;
    }

    public List<SheetFlag> getFlags() {
        return flags;
    }

    public void setFlags(List<SheetFlag> flags) {
        this.flags = List.copyOf(flags);
    }

    public String getUnmatchedText() {
        return unmatchedText;
    }

    public void setUnmatchedText(String unmatchedText) {
        this.unmatchedText = unmatchedText == null ? "" : unmatchedText;
    }

    public String getRawText() {
        return rawText;
    }

    public void setRawText(String rawText) {
        this.rawText = rawText == null ? "" : rawText;
    }
}
