package ai.smartai.model.analytics;

import java.util.List;

public record Analytics(
        int students,
        double mean,
        double median,
        double stdDev,
        double passRate,
        List<HistogramBin> histogram,
        List<ProblemStats> perProblem) {
}
