package ai.smartai.model.provider;

/**
 * A teacher's LLM provider. {@code apiKey} is always masked, e.g. "sk-…abcd". {@code pausedReason} says why the
 * circuit breaker paused it (it failed its test or several calls in a row); null otherwise.
 */
public record ProviderView(
        String id,
        ProviderKind kind,
        String baseUrl,
        String model,
        String displayName,
        int maxConcurrent,
        int rpm,
        boolean enabled,
        String apiKey,
        String pausedReason) {
}
