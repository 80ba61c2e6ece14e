package ai.smartai.model.task;

import java.time.Instant;

public record TaskSummary(
        String id,
        String name,
        TaskStatus status,
        int problemCount,
        int studentCount,
        Instant createdAt,
        Instant updatedAt,
        /** Mean total over the students, with overrides; null before anything is graded. */
        Double meanScore,
        double maxTotal,
        /** Grades that need a teacher's look and have no override yet. */
        int needsReview) {
}
