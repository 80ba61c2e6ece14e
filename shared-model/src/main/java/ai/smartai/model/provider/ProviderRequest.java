package ai.smartai.model.provider;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

public record ProviderRequest(
        @NotNull ProviderKind kind,
        @Size(max = 500) String baseUrl,
        @NotBlank @Size(max = 500) String apiKey,
        @NotBlank @Size(max = 200) String model,
        @Size(max = 100) String displayName,
        @Positive @Max(64) Integer maxConcurrent,
        @Positive @Max(100_000) Integer rpm,
        Boolean enabled) {
}
