package ai.smartai.model.job;

import java.time.Instant;
import java.util.List;

public record JobView(
        String id,
        String taskId,
        JobKind kind,
        JobStatus status,
        int done,
        int total,
        String current,
        List<String> warnings,
        String error,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        /** The uploaded file's name, for an upload. */
        String fileName) {
}
