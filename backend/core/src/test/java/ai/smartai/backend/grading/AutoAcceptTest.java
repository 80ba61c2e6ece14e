package ai.smartai.backend.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import ai.smartai.backend.problem.DefaultRubrics;
import ai.smartai.model.common.Message;
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
        assertThat(r.reasonTexts()).anyMatch(s -> s.contains("suggestion"));
        assertThat(r.score()).isEqualTo(8.0);
        assertThat(r.confidence()).isLessThanOrEqualTo(0.5);
    }

    @Test
    void partialCreditInferredForTheWorkingIsNotAutoAccepted() {
        // Only the result (3 of 10 points) was verified; method and derivation were given the judged share.
        GradeResult r = AutoAccept.check(CALCULATION, graded(GradeMethod.CAS, 0,
                List.of(new VerifiedFact(Aspect.RESULT, 0, "CAS: different"))));
        assertThat(r.needsReview()).isTrue();
        assertThat(r.reasonTexts()).anyMatch(s -> s.contains("inferred") && s.contains("correct method"));
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

    static Calibration calibration(String engine) {
        Properties p = new Properties();
        p.setProperty("engine", engine);
        p.setProperty("similarity.zh.threshold", "0.8");
        p.setProperty("similarity.zh.answers", "40");
        p.setProperty("similarity.zh.precision", "0.975");
        return new Calibration(p);
    }

    @Test
    void aSuggestionThatClearsTheCalibratedThresholdForItsMethodAndLanguageStands() {
        Calibration c = calibration(GradingEngine.VERSION);
        GradeResult r = AutoAccept.check(CONCEPT, "zh", graded(GradeMethod.SIMILARITY, 8, List.of()), c);
        assertThat(r.needsReview()).isFalse();
        assertThat(r.confidence()).isEqualTo(0.8);
        assertThat(r.evidence())
                .anyMatch(e -> e.kind().equals(AutoAccept.CALIBRATED) && e.summary().contains("clears"));
        // Another language, a lower confidence or a calibration of another engine version clears nothing.
        assertThat(AutoAccept.check(CONCEPT, "en", graded(GradeMethod.SIMILARITY, 8, List.of()), c).needsReview())
                .isTrue();
        GradeResult low = new GradeResult(8.0, 10, 0.79, GradeMethod.SIMILARITY, List.of(), "", List.of(), List.of());
        GradeResult lowChecked = AutoAccept.check(CONCEPT, "zh", low, c);
        assertThat(lowChecked.needsReview()).isTrue();
        assertThat(lowChecked.confidence()).isLessThanOrEqualTo(0.5);
        assertThat(lowChecked.evidence()).anyMatch(e -> e.kind().equals(AutoAccept.CALIBRATED)
                && e.detail().equals(AutoAccept.GRADER_CONFIDENCE + " 0.790"));
        assertThat(AutoAccept.check(CONCEPT, "zh", graded(GradeMethod.SIMILARITY, 8, List.of()),
                calibration("0")).needsReview()).isTrue();
    }

    @Test
    void noThresholdClearsCreditInferredBesideVerifiedFacts() {
        Properties p = new Properties();
        p.setProperty("engine", GradingEngine.VERSION);
        p.setProperty("cas.en.threshold", "0.1");
        GradeResult r = AutoAccept.check(CALCULATION, "en", graded(GradeMethod.CAS, 6,
                List.of(new VerifiedFact(Aspect.RESULT, 0, "CAS: different"))), new Calibration(p));
        assertThat(r.needsReview()).isTrue();
        assertThat(r.reasonTexts()).anyMatch(s -> s.contains("inferred"));
    }

    @Test
    void theCheckedInCalibrationStatesItsEngineAndSamples() {
        // Thresholds of another engine version clear nothing (above); the file must still say which it was made for.
        Calibration c = Calibration.current();
        assertThat(c.engine()).isNotBlank();
        for (GradeMethod m : GradeMethod.values()) {
            for (String lang : List.of("zh", "en")) {
                c.threshold(m, lang).ifPresent(t -> {
                    assertThat(t.answers()).isGreaterThanOrEqualTo(Calibration.MIN_ANSWERS);
                    assertThat(t.precision()).isGreaterThanOrEqualTo(Calibration.TARGET_PRECISION);
                });
            }
        }
    }

    @Test
    void aGradeAlreadyForReviewKeepsItsOwnReasonOnly() {
        GradeResult flagged = graded(GradeMethod.SIMILARITY, 5, List.of()).withReview(Message.text("uncertain band"));
        assertThat(AutoAccept.check(CONCEPT, flagged).reasonTexts()).containsExactly("uncertain band");
    }
}
