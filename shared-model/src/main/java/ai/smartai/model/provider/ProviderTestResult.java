package ai.smartai.model.provider;

public record ProviderTestResult(boolean ok, long latencyMs, String error) {
}
