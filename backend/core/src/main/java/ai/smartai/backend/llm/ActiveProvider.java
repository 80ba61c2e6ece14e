package ai.smartai.backend.llm;

import ai.smartai.model.provider.ProviderKind;

/** A provider ready to call, key decrypted. {@link #toString()} leaves the key out, so no log can carry it. */
public record ActiveProvider(String id, String ownerId, ProviderKind kind, String baseUrl, String model,
        String displayName, int maxConcurrent, int rpm, String apiKey) {

    @Override
    public String toString() {
        return "ActiveProvider[" + displayName + " " + kind + " " + model + "]";
    }

    /** Everything that changes what the model answers, for cache keys and model reuse. */
    String signature() {
        return kind + "|" + (baseUrl == null ? "" : baseUrl) + "|" + model;
    }
}
