package ai.smartai.backend.grading.steps;

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
import ai.smartai.backend.grading.similarity.ClaimMatcher;
import ai.smartai.backend.grading.similarity.ClaimScoring;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import ai.smartai.model.grade.Evidence;
import ai.smartai.model.grade.GradeMethod;

/**
 * Proofs and reasoning by lining up the answer with the reference's key claims (similarity plus formula matching,
 * e.g. 2|E| or the handshake lemma). Partial proofs go to review with the missing claims named; a conclusion
 * stated without the claims that lead to it is flagged.
 */
@ApplicationScoped
public class StepsGrader implements Grader {

    @Inject
    ClaimMatcher matcher;

    @Override
    public GradeMethod method() {
        return GradeMethod.STEPS;
    }

    @Override
    public GradeResult grade(GradingInput in) {
        if (!in.hasReference()) {
            return GradeResult.awaitingTeacher(in, Message.of(MessageCode.REVIEW_STEPS_NO_REFERENCE), List.of());
        }
        List<String> claims = ClaimScoring.referenceClaims(in.referenceAnswer());
        if (claims.isEmpty()) {
            return GradeResult.awaitingTeacher(in, Message.of(MessageCode.REVIEW_STEPS_NO_CLAIMS), List.of());
        }
        String conclusion = claims.get(claims.size() - 1);
        List<String> body = claims.size() > 1 ? claims.subList(0, claims.size() - 1) : claims;
        ClaimScoring.Coverage coverage = ClaimScoring.claims(in, matcher, body);
        List<String> sentences = ClaimMatcher.sentences(in.answer());
        ClaimMatcher.Match concluded = matcher.match(conclusion, sentences.isEmpty() ? List.of()
                : sentences.subList(Math.max(0, sentences.size() - 3), sentences.size()), in.answer(), in.chinese());
        List<Message> review = new ArrayList<>();
        boolean unsupported = concluded.coverage() >= 0.8 && coverage.fraction() < 0.34;
        if (unsupported) {
            review.add(Message.of(MessageCode.REVIEW_STEPS_BARE_CONCLUSION));
        }
        ClaimScoring.languageMismatch(in).ifPresent(review::add);
        if (!ClaimScoring.isDefault(in)) {
            GradeResult r = ClaimScoring.byRubricLines(in, matcher, GradeMethod.STEPS, review);
            return r.withEvidence(Evidence.itemised("steps", Message.of(MessageCode.EV_STEPS_COVERED,
                    Math.round(coverage.fraction() * 100)), coverage.detail()));
        }
        Map<Aspect, Double> decided = new LinkedHashMap<>();
        decided.put(Aspect.CLAIM, coverage.fraction());
        decided.put(Aspect.RESULT, unsupported ? 0.0 : concluded.coverage());
        RubricScore.Outcome outcome = RubricScore.score(in.rubric(), in.maxScore(), decided);
        if (coverage.fraction() > 0.2 && coverage.fraction() < 0.9 && !coverage.missing().isEmpty()) {
            review.add(Message.of(MessageCode.REVIEW_STEPS_PARTIAL, String.join("; ", coverage.missing())));
        }
        List<Evidence> evidence = List.of(
                Evidence.itemised("steps", Message.of(concluded.coverage() >= 0.8
                        ? MessageCode.EV_STEPS_CONCLUSION_STATED : MessageCode.EV_STEPS_CONCLUSION_MISSING,
                        Math.round(coverage.fraction() * 100), body.size()), coverage.detail()),
                outcome.evidence(in.maxScore()));
        String comment = coverage.missing().isEmpty() && coverage.fraction() >= 0.8
                ? in.say("证明的关键步骤齐全。", "The key steps of the proof are present.")
                : ClaimScoring.comment(in, coverage.fraction(), coverage.missing());
        return new GradeResult(outcome.score(), in.maxScore(), review.isEmpty() ? 0.8 : 0.6, GradeMethod.STEPS,
                evidence, comment, review);
    }
}
