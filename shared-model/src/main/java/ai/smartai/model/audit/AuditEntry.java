package ai.smartai.model.audit;

import java.time.Instant;

/** One change, who made it and when; {@code before} and {@code after} are JSON snapshots of what changed. */
public record AuditEntry(String id, Instant at, String by, String action, String target, String before, String after) {
}
