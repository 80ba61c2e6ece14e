package ai.smartai.backend.report;

import java.util.List;

import ai.smartai.model.analytics.Analytics;
import ai.smartai.model.analytics.ProblemDeepDive;
import ai.smartai.model.grade.GradeView;

/**
 * What the class report shows: the analytics, each problem in depth, the grades still awaiting the teacher, and for
 * the charts each problem's scores as a box and every student's total as a percentage of the maximum.
 */
record ClassReport(
        String taskName,
        Analytics analytics,
        List<String> problemLabels,
        List<ProblemDeepDive> problems,
        List<GradeView> awaitingReview,
        int fullyScored,
        List<PdfKit.Box> boxes,
        List<Double> totalsPercent) {
}
