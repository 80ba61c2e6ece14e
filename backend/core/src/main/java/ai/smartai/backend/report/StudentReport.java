package ai.smartai.backend.report;

import java.util.List;

import ai.smartai.model.analytics.HistogramBin;
import ai.smartai.model.grade.Evidence;
import ai.smartai.model.grade.GradeOverride;

/** What one student's report shows, gathered in one transaction and drawn afterwards. */
record StudentReport(
        String taskName,
        String studentId,
        String studentName,
        double total,
        double maxTotal,
        Boolean passed,
        int awaitingReview,
        double classMean,
        List<HistogramBin> classHistogram,
        List<Line> problems) {

    /**
     * One problem: {@code score} is the one that counts, {@code machineScore} the tools' when the teacher overrode
     * it; {@code evidence} only what tells the student something (failed tests, the broken step, missing claims),
     * written in {@code lang}, the language the task comments to its students in ("zh" or "en").
     */
    record Line(
            String label,
            String stem,
            double maxScore,
            Double score,
            Double machineScore,
            GradeOverride override,
            double classMean,
            String answer,
            String comment,
            List<Evidence> evidence,
            boolean awaitingReview,
            String lang) {
    }

    /** The zip entry name: {@code 学号_姓名.pdf}, with characters no file system takes replaced. */
    String fileName() {
        String base = studentName == null || studentName.isBlank() ? studentId : studentId + "_" + studentName;
        return base.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_") + ".pdf";
    }
}
