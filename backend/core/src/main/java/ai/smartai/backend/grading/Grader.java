package ai.smartai.backend.grading;

import ai.smartai.model.grade.GradeMethod;

/** One grading method. Graders are pure: same input, same result, so results can be cached and re-run safely. */
public interface Grader {

    GradeMethod method();

    /** Grades one non-blank answer. Throwing is allowed; the engine turns it into a "none" grade for review. */
    GradeResult grade(GradingInput input);
}
