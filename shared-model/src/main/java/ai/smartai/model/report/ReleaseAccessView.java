package ai.smartai.model.report;

import java.time.Instant;

/** One logged view of a student's released report: when, and from which address. */
public record ReleaseAccessView(Instant at, String address) {
}
