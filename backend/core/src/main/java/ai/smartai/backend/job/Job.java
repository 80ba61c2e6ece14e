package ai.smartai.backend.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import ai.smartai.backend.db.Json;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import ai.smartai.model.job.JobKind;
import ai.smartai.model.job.JobStatus;
import com.fasterxml.jackson.core.type.TypeReference;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A unit of background work (an upload to parse, a grading run), persisted so it survives a restart. Updates write
 * only the columns they change, so a progress update never undoes a concurrent pause or cancel.
 */
@Entity
@Table(name = "job")
@DynamicUpdate
public class Job {

    static final int MAX_WARNINGS = 500;
    /** The start of a catalogue message's JSON in the current unit's column. */
    private static final String CODED = "{\"code\":";

    @Id
    private String id;
    @Column(name = "task_id", nullable = false)
    private String taskId;
    @Column(name = "owner_id", nullable = false)
    private String ownerId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private JobKind kind;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private JobStatus status;
    @Column(nullable = false)
    private int done;
    @Column(nullable = false)
    private int total;
    @Column(name = "current_unit")
    private String currentUnit;
    @Convert(converter = Json.Messages.class)
    @Column(nullable = false)
    private List<Message> warnings;
    /** The English of {@link #errorCode}, or an error stored before codes. */
    private String error;
    @Convert(converter = Json.OneMessage.class)
    @Column(name = "error_code")
    private Message errorCode;
    /** The stored upload this job reads, under the data directory. */
    @Column(name = "input_file")
    private String inputFile;
    @Column(name = "input_name")
    private String inputName;
    private String payload;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "finished_at")
    private Instant finishedAt;
    /** The replica running the job, and until when its claim holds unless renewed. */
    @Column(name = "lease_owner")
    private String leaseOwner;
    @Column(name = "lease_until")
    private Instant leaseUntil;
    /** When the teacher dismissed this upload's report; until then the task page shows it. */
    @Column(name = "dismissed_at")
    private Instant dismissedAt;

    protected Job() {
    }

    public Job(String id, String taskId, String ownerId, JobKind kind, Instant now) {
        this.id = id;
        this.taskId = taskId;
        this.ownerId = ownerId;
        this.kind = kind;
        this.status = JobStatus.QUEUED;
        this.warnings = List.of();
        this.createdAt = now;
    }

    public void warn(List<Message> more) {
        if (more.isEmpty()) {
            return;
        }
        List<Message> all = new ArrayList<>(warnings);
        for (Message w : more) {
            if (all.size() >= MAX_WARNINGS) {
                break;
            }
            all.add(w);
        }
        warnings = List.copyOf(all);
    }

    public void recordError(Message error) {
        this.error = error.english();
        this.errorCode = error;
    }

    public void dismiss(Instant now) {
        this.dismissedAt = now;
    }

    /** An ended upload with something to tell: it failed, or it read with warnings. */
    public boolean hasReport() {
        return kind != JobKind.GRADING && status.isFinished() && dismissedAt == null
                && (status == JobStatus.FAILED || !warnings.isEmpty());
    }

    public String getId() {
        return id;
    }

    public String getTaskId() {
        return taskId;
    }

    public String getOwnerId() {
        return ownerId;
    }

    public JobKind getKind() {
        return kind;
    }

    public JobStatus getStatus() {
        return status;
    }

    public int getDone() {
        return done;
    }

    public int getTotal() {
        return total;
    }

    public String getCurrentUnit() {
        return currentUnit;
    }

    /** What the job is at: a unit's name as a plain text, or a catalogue message, stored as its JSON. */
    public Message current() {
        if (currentUnit == null) {
            return null;
        }
        if (currentUnit.startsWith(CODED)) {
            try {
                return Json.read(currentUnit, new TypeReference<Message>() {
                });
            } catch (RuntimeException e) {
                // A unit's own name that happens to start like one: it is the name.
            }
        }
        return Message.text(currentUnit);
    }

    /** How {@link #current} stores a catalogue message in the current unit's column. */
    static String stored(Message current) {
        return current == null || MessageCode.TEXT.code().equals(current.code()) ? current == null ? null
                : current.english() : Json.write(current);
    }

    public List<Message> getWarnings() {
        return warnings;
    }

    public String getError() {
        return error;
    }

    /** The error as a message: its code, or the text of an error stored before codes; null when none. */
    public Message getErrorMessage() {
        return errorCode != null ? errorCode : error == null ? null : Message.text(error);
    }

    public String getInputFile() {
        return inputFile;
    }

    public String getInputName() {
        return inputName;
    }

    public void setInput(String inputFile, String inputName) {
        this.inputFile = inputFile;
        this.inputName = inputName;
    }

    public String getPayload() {
        return payload;
    }

    public void setPayload(String payload) {
        this.payload = payload;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public String getLeaseOwner() {
        return leaseOwner;
    }

    public Instant getLeaseUntil() {
        return leaseUntil;
    }
}
