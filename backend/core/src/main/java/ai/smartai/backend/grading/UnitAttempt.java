package ai.smartai.backend.grading;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Attempts at grading one answer that have not yet ended in a stored grade (the dead-letter count). */
@Entity
@Table(name = "unit_attempt")
public class UnitAttempt {

    /** Attempts after which a unit is set aside for the teacher instead of being tried again. */
    public static final int QUARANTINE_AFTER = 2;

    @Id
    @Column(name = "unit_key")
    private String unitKey;
    @Column(name = "task_id", nullable = false)
    private String taskId;
    @Column(name = "input_hash", nullable = false)
    private String inputHash;
    @Column(nullable = false)
    private int attempts;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected UnitAttempt() {
    }

    public UnitAttempt(String unitKey, String taskId, String inputHash, Instant now) {
        this.unitKey = unitKey;
        this.taskId = taskId;
        this.inputHash = inputHash;
        this.updatedAt = now;
    }

    /** Counts one more attempt at this input; a changed input (an edit) starts the count again. */
    public int begin(String hash, Instant now) {
        if (!hash.equals(inputHash)) {
            inputHash = hash;
            attempts = 0;
            lastError = null;
        }
        attempts++;
        updatedAt = now;
        return attempts;
    }

    public void failed(String error, Instant now) {
        lastError = error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error;
        updatedAt = now;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }
}
