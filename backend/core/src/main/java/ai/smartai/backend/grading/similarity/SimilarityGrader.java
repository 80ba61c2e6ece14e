package ai.smartai.backend.grading.similarity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.smartai.backend.grading.Aspect;
import ai.smartai.backend.grading.GradeResult;
import ai.smartai.backend.grading.Grader;
import ai.smartai.backend.grading.GradingInput;
import ai.smartai.backend.grading.RubricScore;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import ai.smartai.model.common.Scores;
import ai.smartai.model.grade.Evidence;
import ai.smartai.model.grade.GradeMethod;

/**
 * Concept and short answers: the answer's coverage of the reference, by sentence embeddings plus key terms. With a
 * teacher's rubric each line is a key point; otherwise the reference's sentences are. The uncertain middle band of
 * similarity goes to review.
 */
@ApplicationScoped
public class SimilarityGrader implements Grader {

    @Inject
    ClaimMatcher matcher;

    @Inject
    Embeddings embeddings;

    @Override
    public GradeMethod method() {
        return GradeMethod.SIMILARITY;
    }

    @Override
    public GradeResult grade(GradingInput in) {
        if (!in.hasReference()) {
            return GradeResult.awaitingTeacher(in, Message.of(MessageCode.REVIEW_SIMILARITY_NO_REFERENCE), List.of());
        }
        double overall = embeddings.similarity(in.referenceAnswer(), in.answer(), in.chinese());
        Evidence whole = new Evidence("similarity", Message.of(MessageCode.EV_SIMILARITY, Scores.format(overall)),
                null);
        if (!ClaimScoring.isDefault(in)) {
            return ClaimScoring.byRubricLines(in, matcher, GradeMethod.SIMILARITY, List.of()).withEvidence(whole);
        }
        ClaimScoring.Coverage coverage = ClaimScoring.claims(in, matcher, ClaimScoring.referenceClaims(
                in.referenceAnswer()));
        double low = in.chinese() ? ClaimMatcher.ZH_LOW : ClaimMatcher.EN_LOW;
        double high = in.chinese() ? ClaimMatcher.ZH_HIGH : ClaimMatcher.EN_HIGH;
        double overallScore = overall >= high ? 1 : overall <= low ? 0 : (overall - low) / (high - low);
        Map<Aspect, Double> decided = new LinkedHashMap<>();
        decided.put(Aspect.CLAIM, coverage.fraction());
        decided.put(Aspect.OTHER, overallScore);
        RubricScore.Outcome outcome = RubricScore.score(in.rubric(), in.maxScore(), decided);
        List<Evidence> evidence = new ArrayList<>(List.of(whole, Evidence.itemised("key-points", Message.of(
                MessageCode.EV_KEY_POINTS_COVERS, Math.round(coverage.fraction() * 100)), coverage.detail())));
        evidence.add(outcome.evidence(in.maxScore()));
        List<Message> review = new ArrayList<>();
        ClaimScoring.languageMismatch(in).ifPresent(review::add);
        if (!coverage.uncertain().isEmpty() || (overall > low && overall < high && coverage.fraction() < 0.8)) {
            review.add(Message.of(MessageCode.REVIEW_SIMILARITY_UNCERTAIN));
        }
        String comment = ClaimScoring.comment(in, coverage.fraction(), coverage.missing());
        return new GradeResult(outcome.score(), in.maxScore(), review.isEmpty() ? 0.8 : 0.6, GradeMethod.SIMILARITY,
                evidence, comment, review);
    }
}
