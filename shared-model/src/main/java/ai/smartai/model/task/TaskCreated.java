package ai.smartai.model.task;

import java.time.Instant;

public record TaskCreated(String id, String name, TaskStatus status, Instant createdAt) {
}
