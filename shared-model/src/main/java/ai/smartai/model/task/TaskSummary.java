package ai.smartai.model.task;

import java.time.Instant;

public record TaskSummary(
        String id,
        String name,
        TaskStatus status,
        int problemCount,
        int studentCount,
        Instant createdAt,
        Instant updatedAt) {
}
