package ai.smartai.model.task;

/** Someone who works on a task: its {@code owner}, or a {@code member} (a co-teacher or TA) the owner added. */
public record TaskMemberView(String id, String username, String displayName, String role) {
}
