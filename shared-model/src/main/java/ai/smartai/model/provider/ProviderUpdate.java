package ai.smartai.model.provider;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A partial edit of a provider: null fields stay as they are; a new {@code apiKey} replaces the stored one. */
public record ProviderUpdate(
        ProviderKind kind,
        @Size(max = 500) String baseUrl,
        @Size(min = 1, max = 500) String apiKey,
        @Size(min = 1, max = 200) String model,
        @Size(max = 100) String displayName,
        @Positive @Max(64) Integer maxConcurrent,
        @Positive @Max(100_000) Integer rpm,
        Boolean enabled) {
}
