package ai.smartai.model.report;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Release links for these students (all of the task's when absent), valid until {@code expiresAt}. */
public record ReleaseRequest(
        @Size(max = 10_000) List<String> studentIds,
        @NotNull @Future Instant expiresAt) {
}
