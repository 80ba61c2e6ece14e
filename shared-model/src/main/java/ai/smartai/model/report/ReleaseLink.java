package ai.smartai.model.report;

import java.time.Instant;

/**
 * A student's report link: {@code url} (a path on this server, needing no login) is shown once, when created; the
 * server keeps only its hash. {@code accesses} counts the views logged so far.
 */
public record ReleaseLink(String studentId, String url, Instant expiresAt, Instant revokedAt, int accesses) {
}
