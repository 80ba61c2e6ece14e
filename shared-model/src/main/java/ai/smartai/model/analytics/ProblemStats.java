package ai.smartai.model.analytics;

public record ProblemStats(String problemId, double mean, double maxScore, double passRate, double min, double max,
        int needsReview) {
}
