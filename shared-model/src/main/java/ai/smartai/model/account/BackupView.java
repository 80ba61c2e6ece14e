package ai.smartai.model.account;

import java.time.Instant;

/**
 * An online backup the server just wrote: the archive's path on the server, its size, when, and whether the master
 * key is inside (not when it comes from {@code SMARTAI_MASTER_KEY}: that secret must be kept beside the archive).
 */
public record BackupView(String file, long bytes, Instant createdAt, boolean masterKeyIncluded) {
}
