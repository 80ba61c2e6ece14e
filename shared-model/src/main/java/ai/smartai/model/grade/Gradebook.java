package ai.smartai.model.grade;

import java.util.List;
import java.util.Map;

/**
 * The gradebook of a task: one row a student, computed once by the backend so that the results page, the CSV, the
 * exports and the command line cannot disagree. Scores are the ones that count (the teacher's override where there is
 * one); a problem with no such score is null and counts in {@code unscored}.
 */
public record Gradebook(
        double passThreshold,
        double maxTotal,
        List<Column> problems,
        List<Row> rows) {

    /** A problem's column, in the problem set's order. */
    public record Column(String problemId, String number, double maxScore) {
    }

    /**
     * One student. {@code total} sums the scores that count; {@code awaitingReview} counts answers that wait for the
     * teacher (flagged for review and not overridden, or with no score); {@code unscored} those with no score;
     * {@code passed} compares the total with the task's pass threshold, and is null while any answer is unscored.
     */
    public record Row(
            String studentId,
            String studentName,
            Map<String, Double> scores,
            double total,
            int awaitingReview,
            int unscored,
            Boolean passed) {
    }
}
