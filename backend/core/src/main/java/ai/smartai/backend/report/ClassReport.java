package ai.smartai.backend.report;

import java.util.List;

import ai.smartai.model.analytics.Analytics;
import ai.smartai.model.analytics.ProblemDeepDive;
import ai.smartai.model.grade.GradeView;

/** What the class report shows: the analytics, each problem in depth, and the grades still awaiting the teacher. */
record ClassReport(
        String taskName,
        Analytics analytics,
        List<String> problemLabels,
        List<ProblemDeepDive> problems,
        List<GradeView> awaitingReview,
        int fullyScored) {
}
