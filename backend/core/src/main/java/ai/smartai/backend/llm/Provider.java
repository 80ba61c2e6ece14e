package ai.smartai.backend.llm;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import ai.smartai.model.provider.ProviderKind;

/** One of a teacher's LLM providers; the API key is only ever here encrypted. */
@Entity
@Table(name = "llm_provider")
public class Provider {

    @Id
    private String id;
    @Column(name = "owner_id", nullable = false)
    private String ownerId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProviderKind kind;
    @Column(name = "base_url")
    private String baseUrl;
    @Column(nullable = false)
    private String model;
    @Column(name = "display_name", nullable = false)
    private String displayName;
    @Column(name = "max_concurrent", nullable = false)
    private int maxConcurrent;
    @Column(nullable = false)
    private int rpm;
    @Column(nullable = false)
    private boolean enabled;
    @Column(name = "key_cipher", nullable = false)
    private String keyCipher;
    @Column(name = "key_hint", nullable = false)
    private String keyHint;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    /** Why the circuit breaker paused this provider; null when the teacher's own choice holds. */
    @Column(name = "paused_reason")
    private String pausedReason;

    protected Provider() {
    }

    public Provider(String id, String ownerId, Instant createdAt) {
        this.id = id;
        this.ownerId = ownerId;
        this.createdAt = createdAt;
    }

    public void configure(ProviderKind kind, String baseUrl, String model, String displayName, int maxConcurrent,
            int rpm, boolean enabled) {
        this.kind = kind;
        this.baseUrl = baseUrl;
        this.model = model;
        this.displayName = displayName;
        this.maxConcurrent = maxConcurrent;
        this.rpm = rpm;
        if (enabled && !this.enabled) {
            pausedReason = null;
        }
        this.enabled = enabled;
    }

    /** Paused by the circuit breaker: no grading call goes to it until the teacher enables it again. */
    public void pause(String reason) {
        this.enabled = false;
        this.pausedReason = reason;
    }

    public String getPausedReason() {
        return pausedReason;
    }

    public void setKey(String cipher, String hint) {
        this.keyCipher = cipher;
        this.keyHint = hint;
    }

    public String getId() {
        return id;
    }

    public String getOwnerId() {
        return ownerId;
    }

    public ProviderKind getKind() {
        return kind;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public String getModel() {
        return model;
    }

    public String getDisplayName() {
        return displayName;
    }

    public int getMaxConcurrent() {
        return maxConcurrent;
    }

    public int getRpm() {
        return rpm;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public String getKeyCipher() {
        return keyCipher;
    }

    public String getKeyHint() {
        return keyHint;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
