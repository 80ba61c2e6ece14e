package ai.smartai.backend.grading;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A grading job whose units were published to the broker and are still there (or being graded) until it ends. */
@Entity
@Table(name = "unit_publication")
public class UnitPublication {

    @Id
    @Column(name = "job_id")
    private String jobId;
    @Column(name = "published_at", nullable = false)
    private Instant publishedAt;

    protected UnitPublication() {
    }

    public UnitPublication(String jobId, Instant publishedAt) {
        this.jobId = jobId;
        this.publishedAt = publishedAt;
    }
}
