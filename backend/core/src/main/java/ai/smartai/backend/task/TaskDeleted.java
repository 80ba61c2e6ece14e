package ai.smartai.backend.task;

/** A task was deleted; its rows went with it, and whoever keeps something else of it removes that too. */
public record TaskDeleted(String taskId) {
}
