package ai.smartai.model.analytics;

public record HistogramBin(double from, double to, int count) {
}
