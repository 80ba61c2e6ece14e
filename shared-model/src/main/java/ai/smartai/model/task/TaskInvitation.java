package ai.smartai.model.task;

import java.time.Instant;

/** An invitation to work on another teacher's task, waiting for the invitee to accept or decline it. */
public record TaskInvitation(String taskId, String taskName, String invitedBy, Instant invitedAt) {
}
