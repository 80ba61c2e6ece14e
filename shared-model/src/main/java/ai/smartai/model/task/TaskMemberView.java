package ai.smartai.model.task;

/**
 * Someone who works on a task: its {@code owner}, a {@code member} (a co-teacher or TA) who accepted the owner's
 * invitation, or a user name {@code invited} and not yet accepted ({@code id} and {@code displayName} are then null,
 * whether or not such an account exists).
 */
public record TaskMemberView(String id, String username, String displayName, String role) {
}
