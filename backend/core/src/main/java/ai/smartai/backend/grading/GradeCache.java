package ai.smartai.backend.grading;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A grader's result by the hash of everything it depended on: unchanged work is never recomputed. */
@Entity
@Table(name = "grade_cache")
public class GradeCache {

    @Id
    @Column(name = "input_hash")
    private String inputHash;
    @Column(nullable = false)
    private String result;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected GradeCache() {
    }

    public GradeCache(String inputHash, String result, Instant createdAt) {
        this.inputHash = inputHash;
        this.result = result;
        this.createdAt = createdAt;
    }

    public String getResult() {
        return result;
    }
}
