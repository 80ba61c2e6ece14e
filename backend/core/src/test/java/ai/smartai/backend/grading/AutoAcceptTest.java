package ai.smartai.backend.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import ai.smartai.backend.problem.DefaultRubrics;
import ai.smartai.model.grade.GradeMethod;
import ai.smartai.model.problem.ProblemType;
import ai.smartai.model.problem.RubricItem;

/** The auto-accept invariant: a score with no review reason stands only on what a tool verified. */
class AutoAcceptTest {

    static final List<RubricItem> CALCULATION = DefaultRubrics.forType(ProblemType.CALCULATION, 10, "en");
    static final List<RubricItem> CONCEPT = DefaultRubrics.forType(ProblemType.CONCEPT, 10, "en");

    static GradeResult graded(GradeMethod method, double score, List<VerifiedFact> facts) {
        return new GradeResult(score, 10, 0.8, method, List.of(), "", List.of(), facts);
    }

    @Test
    void aSimilarityScoreIsASuggestionForTheTeacher() {
        GradeResult r = AutoAccept.check(CONCEPT, graded(GradeMethod.SIMILARITY, 8, List.of()));
        assertThat(r.needsReview()).isTrue();
        assertThat(r.reviewReasons()).anyMatch(s -> s.contains("suggestion"));
        assertThat(r.score()).isEqualTo(8.0);
    }

    @Test
    void partialCreditInferredForTheWorkingIsNotAutoAccepted() {
        // Only the result (3 of 10 points) was verified; method and derivation were given the judged share.
        GradeResult r = AutoAccept.check(CALCULATION, graded(GradeMethod.CAS, 0,
                List.of(new VerifiedFact(Aspect.RESULT, 0, "CAS: different"))));
        assertThat(r.needsReview()).isTrue();
        assertThat(r.reviewReasons()).anyMatch(s -> s.contains("inferred") && s.contains("correct method"));
    }

    @Test
    void aGradeWhoseEveryAspectWasVerifiedIsAccepted() {
        GradeResult r = AutoAccept.check(CALCULATION, graded(GradeMethod.CAS, 10, List.of(
                new VerifiedFact(Aspect.RESULT, 1, "CAS"), new VerifiedFact(Aspect.METHOD, 1, "CAS"),
                new VerifiedFact(Aspect.DERIVATION, 1, "CAS"))));
        assertThat(r.needsReview()).isFalse();
    }

    @Test
    void choiceLettersMatchedAgainstTheKeyVerifyTheWholeGrade() {
        GradeResult r = AutoAccept.check(List.of(new RubricItem("correct option", 10, "result")),
                graded(GradeMethod.CHOICE, 0, List.of(VerifiedFact.whole(0, "letters read"))));
        assertThat(r.needsReview()).isFalse();
    }

    @Test
    void aGradeAlreadyForReviewKeepsItsOwnReasonOnly() {
        GradeResult flagged = graded(GradeMethod.SIMILARITY, 5, List.of()).withReview("uncertain band");
        assertThat(AutoAccept.check(CONCEPT, flagged).reviewReasons()).containsExactly("uncertain band");
    }
}
