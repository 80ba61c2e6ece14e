package ai.smartai.model.analytics;

import java.util.List;

/**
 * One problem across the class: its statistics, how many students got each score, and the wrong final answers that
 * recur (choice letters or CAS-read results), most frequent first.
 */
public record ProblemDeepDive(
        String problemId,
        ProblemStats stats,
        List<ScoreCount> distribution,
        List<WrongAnswer> commonWrongAnswers) {

    public record ScoreCount(double score, int count) {
    }

    /** A wrong final answer as the students wrote it (the first spelling seen), and who wrote it. */
    public record WrongAnswer(String answer, int count, List<String> studentIds) {
    }
}
