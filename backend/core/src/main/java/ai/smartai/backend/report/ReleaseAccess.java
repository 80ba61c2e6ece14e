package ai.smartai.backend.report;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One view of a released report: when, and from which address. */
@Entity
@Table(name = "release_access")
public class ReleaseAccess {

    @Id
    private String id;
    @Column(name = "token_hash", nullable = false)
    private String tokenHash;
    @Column(nullable = false)
    private Instant at;
    private String address;

    protected ReleaseAccess() {
    }

    public ReleaseAccess(String id, String tokenHash, Instant at, String address) {
        this.id = id;
        this.tokenHash = tokenHash;
        this.at = at;
        this.address = address;
    }

    public Instant getAt() {
        return at;
    }

    public String getAddress() {
        return address;
    }
}
