package ai.smartai.backend.grading;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.smartai.backend.db.Hashes;
import ai.smartai.backend.db.Json;
import ai.smartai.backend.grading.cas.CasGrader;
import ai.smartai.backend.grading.choice.ChoiceGrader;
import ai.smartai.backend.grading.sandbox.SandboxGrader;
import ai.smartai.backend.grading.similarity.SimilarityGrader;
import ai.smartai.backend.grading.steps.StepsGrader;
import ai.smartai.backend.metrics.OpsMetrics;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
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
    public static final String VERSION = "31";

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

    @Inject
    GradingConfig config;

    /** Graders run here so that a unit has a deadline the worker can enforce, whatever the grader does. */
    private final ExecutorService work = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "smartai-grade");
        t.setDaemon(true);
        return t;
    });

    public GradeResult grade(GradingInput given) {
        GradingInput in = KeyPolicies.judgedByResult(given);
        if (in.answer() == null || in.answer().isBlank()) {
            // Nothing was read for this problem. That is 0 when the student left it blank, but no tool can tell a
            // blank from an answer the sheet's reading put elsewhere: the teacher confirms it.
            return new GradeResult(0.0, in.maxScore(), 0.5, methodFor(in.type()), List.of(new Evidence("blank",
                    Message.of(MessageCode.EV_BLANK), null)), in.say("未找到本题的作答。",
                            "No answer was found for this problem."),
                    List.of(BLANK));
        }
        Grader grader = pick(in);
        GradeResult result;
        if (grader == null) {
            result = GradeResult.awaitingTeacher(in, Message.of(MessageCode.REVIEW_NO_TOOL), List.of());
        } else {
            int limit = readLimit(grader.method());
            GradingInput read = in.answer().length() > limit ? in.withAnswer(in.answer().substring(0, limit)) : in;
            result = withDeadline(grader, read);
            if (read != in) {
                result = result.withReview(Message.of(MessageCode.REVIEW_READ_LIMIT, in.answer().length(),
                        methodName(grader.method()), limit))
                        .withEvidence(new Evidence("read-limit", Message.of(MessageCode.EV_READ_LIMIT, limit,
                                in.answer().length()), null));
            }
        }
        result = AutoAccept.check(in, result);
        var injection = Injection.find(in.answer().length() > READ_LIMIT ? in.answer().substring(0, READ_LIMIT)
                : in.answer());
        if (injection.isPresent()) {
            result = result.withReview(Message.of(MessageCode.REVIEW_INJECTION, injection.get()))
                    .withEvidence(new Evidence("injection", Message.of(MessageCode.EV_INJECTION, injection.get()),
                            null));
        }
        return result;
    }

    /** The review reason of an answer with nothing in it. */
    public static final Message BLANK = Message.of(MessageCode.REVIEW_BLANK);

    /** How much of an answer a method reads: enough for any honest answer, bounded for hostile ones. */
    static final int READ_LIMIT = 20_000;

    static int readLimit(GradeMethod method) {
        return switch (method) {
            case CHOICE -> 2_000;
            case SANDBOX -> 100_000;
            default -> READ_LIMIT;
        };
    }

    /**
     * Runs the grader (and the steps fallback for reasoning) under the unit deadline. Whatever it throws, including
     * errors such as a stack overflow, becomes a grade with no score; a grader past the deadline is interrupted and
     * left behind.
     */
    private GradeResult withDeadline(Grader grader, GradingInput in) {
        Future<GradeResult> future = work.submit(() -> {
            long started = System.nanoTime();
            GradeResult r = grader.grade(in);
            if (r.method() == GradeMethod.NONE && in.type() == ProblemType.REASONING && grader == cas) {
                r = steps.grade(in);
            }
            OpsMetrics.graded(grader.method().name(), started);
            return r;
        });
        long deadline = config.unitDeadline().toMillis();
        try {
            return future.get(deadline, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            LOG.warnf("The %s grader passed the %d ms deadline on %s", grader.method(), deadline, in.problemId());
            return failed(in, Message.of(MessageCode.REVIEW_TIMEOUT, methodName(grader.method()), deadline / 1000));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            LOG.warnf(cause, "The %s grader failed on %s", grader.method(), in.problemId());
            return failed(in, Message.of(MessageCode.REVIEW_GRADER_FAILED, methodName(grader.method()),
                    cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return failed(in, Message.of(MessageCode.REVIEW_INTERRUPTED));
        }
    }

    private static GradeResult failed(GradingInput in, Message reason) {
        return GradeResult.awaitingTeacher(in, reason, List.of());
    }

    /** A method's name inside a message: the catalogue's word for it. */
    static MessageCode methodName(GradeMethod method) {
        return MessageCode.valueOf("METHOD_" + method.name());
    }

    @PreDestroy
    void stop() {
        work.shutdownNow();
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

    /** What a grade depends on: the problem as graded, the key, the answer text, and the engine's version and code. */
    public static String inputHash(GradingInput in) {
        return Hashes.sha256Of(VERSION + "\u0000" + EngineBuild.fingerprint() + "\u0000" + Json.write(in));
    }
}
