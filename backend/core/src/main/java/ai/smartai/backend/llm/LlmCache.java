package ai.smartai.backend.llm;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A model's reply by the hash of (owner, provider, model, prompt): never served to another teacher. */
@Entity
@Table(name = "llm_cache")
public class LlmCache {

    @Id
    @Column(name = "cache_key")
    private String key;
    @Column(nullable = false)
    private String reply;
    @Column(nullable = false)
    private int tokens;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected LlmCache() {
    }

    public LlmCache(String key, String reply, int tokens, Instant createdAt) {
        this.key = key;
        this.reply = reply;
        this.tokens = tokens;
        this.createdAt = createdAt;
    }

    public String getReply() {
        return reply;
    }

    public int getTokens() {
        return tokens;
    }
}
