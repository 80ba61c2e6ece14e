package ai.smartai.model.analytics;

/**
 * A model's summary of a problem's common mistakes, written from counts and quotes SmarTAI computed; {@code provider}
 * says which model wrote it, {@code tokens} what it cost (0 from the cache).
 */
public record MistakeSummary(String problemId, String summary, String provider, long tokens) {
}
