package ai.smartai.model.task;

import java.time.Instant;

import ai.smartai.model.job.JobView;

public record TaskDetail(
        String id,
        String name,
        TaskStatus status,
        int problemCount,
        int studentCount,
        TaskSettings settings,
        JobView activeJob,
        Instant createdAt,
        Instant updatedAt,
        /** Tokens the LLM panel spent on this task (0 from cached replies). */
        long llmTokens) {
}
