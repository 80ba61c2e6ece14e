package ai.smartai.backend.grading;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.smartai.backend.db.Json;
import ai.smartai.backend.grading.cas.CasGrader;
import ai.smartai.backend.grading.choice.ChoiceGrader;
import ai.smartai.backend.grading.sandbox.SandboxGrader;
import ai.smartai.backend.grading.similarity.SimilarityGrader;
import ai.smartai.backend.grading.steps.StepsGrader;
import ai.smartai.model.grade.Evidence;
import ai.smartai.model.grade.GradeMethod;
import ai.smartai.model.problem.ProblemType;
import org.jboss.logging.Logger;

/**
 * Picks the method that fits a problem's type and applies what holds for every answer: a blank answer is 0 with
 * high confidence; a method that fails gives "none" for review, never a number; text aimed at the grader is flagged.
 */
@ApplicationScoped
public class GradingEngine {

    /** Bump when any grader's judgement changes, so cached results are not reused across versions. */
    public static final String VERSION = "11";

    private static final Logger LOG = Logger.getLogger(GradingEngine.class);

    @Inject
    ChoiceGrader choice;

    @Inject
    CasGrader cas;

    @Inject
    SandboxGrader sandbox;

    @Inject
    SimilarityGrader similarity;

    @Inject
    StepsGrader steps;

    public GradeResult grade(GradingInput in) {
        if (in.answer() == null || in.answer().isBlank()) {
            return new GradeResult(0.0, in.maxScore(), 0.95, methodFor(in.type()), List.of(new Evidence("blank",
                    "No answer.", null)), in.say("未作答。", "No answer was given."), List.of());
        }
        Grader grader = pick(in);
        GradeResult result;
        if (grader == null) {
            result = GradeResult.none(in.maxScore(), "no tool can judge this problem without a reference answer",
                    in.say("待老师评分。", "Awaiting the teacher's grade."), List.of());
        } else {
            try {
                result = grader.grade(in);
                if (result.method() == GradeMethod.NONE && in.type() == ProblemType.REASONING && grader == cas) {
                    result = steps.grade(in);
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "The %s grader failed on %s", grader.method(), in.problemId());
                result = GradeResult.none(in.maxScore(), "the " + grader.method().name().toLowerCase() + " check failed: "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                        in.say("待老师评分。", "Awaiting the teacher's grade."), List.of());
            }
        }
        var injection = Injection.find(in.answer());
        if (injection.isPresent()) {
            result = result.withReview("the answer contains text aimed at the grader: \"" + injection.get() + "\"")
                    .withEvidence(new Evidence("injection", "Instructions to the grader were found and ignored: \""
                            + injection.get() + "\".", null));
        }
        return result;
    }

    private Grader pick(GradingInput in) {
        return switch (in.type()) {
            case CHOICE -> choice;
            case CALCULATION -> cas;
            case PROGRAMMING -> sandbox;
            case CONCEPT -> similarity;
            case PROOF -> steps;
            case REASONING -> cas;
            case OTHER -> in.hasReference() ? similarity : null;
        };
    }

    static GradeMethod methodFor(ProblemType type) {
        return switch (type) {
            case CHOICE -> GradeMethod.CHOICE;
            case CALCULATION, REASONING -> GradeMethod.CAS;
            case PROGRAMMING -> GradeMethod.SANDBOX;
            case CONCEPT, OTHER -> GradeMethod.SIMILARITY;
            case PROOF -> GradeMethod.STEPS;
        };
    }

    /** What a grade depends on: the problem as graded, the key, the answer text, and the engine version. */
    public static String inputHash(GradingInput in) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((VERSION + "\u0000" + Json.write(in)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
