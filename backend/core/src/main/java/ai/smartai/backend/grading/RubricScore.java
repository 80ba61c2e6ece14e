package ai.smartai.backend.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import ai.smartai.model.common.Scores;
import ai.smartai.model.grade.Evidence;
import ai.smartai.model.problem.RubricItem;

/**
 * Scores a rubric from what a tool decided per aspect (e.g. result 1.0, derivation 0.5). Items whose aspect no tool
 * judged get the same share as the judged points, and are named, so the teacher sees what was inferred
 * (docs/grading.md, "items a tool cannot judge").
 */
public final class RubricScore {

    /** The score, the share of the rubric's points a tool really judged, and the items it did not judge. */
    public record Outcome(double score, double judgedShare, List<RubricItem> notJudged, List<Message> breakdown) {

        /** The rubric's line of evidence: the score out of the maximum, and what no tool judged. */
        public Evidence evidence(double maxScore) {
            return Evidence.itemised("rubric", notJudged.isEmpty()
                    ? Message.of(MessageCode.EV_RUBRIC, Scores.format(score), Scores.format(maxScore))
                    : Message.of(MessageCode.EV_RUBRIC_UNJUDGED, Scores.format(score), Scores.format(maxScore),
                            String.join(", ", notJudged.stream().map(RubricItem::description).toList())),
                    breakdown);
        }
    }

    private RubricScore() {
    }

    /** @param decided aspect → fraction earned (0..1) for the aspects the tool judged. */
    public static Outcome score(List<RubricItem> rubric, double maxScore, Map<Aspect, Double> decided) {
        double total = rubric.stream().mapToDouble(RubricItem::points).sum();
        if (total <= 0) {
            double f = decided.isEmpty() ? 0 : decided.values().stream().mapToDouble(Double::doubleValue).average()
                    .orElse(0);
            return new Outcome(f * maxScore, decided.isEmpty() ? 0 : 1, List.of(), List.of());
        }
        double scale = maxScore / total;
        double judgedPoints = 0;
        double earned = 0;
        List<RubricItem> notJudged = new ArrayList<>();
        List<Message> lines = new ArrayList<>();
        for (RubricItem item : rubric) {
            Double f = decided.get(Aspect.of(item));
            if (f == null) {
                notJudged.add(item);
                continue;
            }
            judgedPoints += item.points();
            earned += f * item.points();
            lines.add(Message.of(MessageCode.EVD_RUBRIC_LINE, item.description(),
                    Scores.format(f * item.points() * scale), Scores.format(item.points() * scale)));
        }
        double judgedFraction = judgedPoints == 0 ? 0 : earned / judgedPoints;
        for (RubricItem item : notJudged) {
            earned += judgedFraction * item.points();
            lines.add(Message.of(MessageCode.EVD_RUBRIC_INFERRED, item.description(),
                    Scores.format(judgedFraction * item.points() * scale), Scores.format(item.points() * scale)));
        }
        return new Outcome(earned * scale, judgedPoints / total, notJudged, lines);
    }

}
