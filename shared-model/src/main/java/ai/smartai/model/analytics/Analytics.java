package ai.smartai.model.analytics;

import java.util.List;

/**
 * Class statistics from the stored grades (a teacher's override counts instead of the machine score). Totals are out
 * of {@code maxTotal}; {@code unscored} counts grades without a score yet (no method could judge), which add 0.
 */
public record Analytics(
        int students,
        double mean,
        double median,
        double stdDev,
        double passRate,
        List<HistogramBin> histogram,
        List<ProblemStats> perProblem,
        double maxTotal,
        double passThreshold,
        int unscored) {
}
