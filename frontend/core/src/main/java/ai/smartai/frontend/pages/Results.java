package ai.smartai.frontend.pages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.smartai.model.grade.GradeView;
import ai.smartai.model.problem.ProblemView;
import ai.smartai.model.student.StudentView;

/** The results table: one row a student, a cell a problem; a teacher's override counts. */
public record Results(List<String> problems, List<Row> rows, double maxTotal) {

    public record Cell(String text, boolean review, boolean overridden, String method) {
    }

    public record Row(String studentId, String name, List<Cell> cells, String total, int review) {
    }

    static Results of(List<ProblemView> problems, List<StudentView> students, List<GradeView> grades) {
        Map<String, GradeView> byKey = new HashMap<>();
        grades.forEach(g -> byKey.put(g.studentId() + "/" + g.problemId(), g));
        List<Row> rows = new ArrayList<>();
        for (StudentView s : students) {
            List<Cell> cells = new ArrayList<>();
            double total = 0;
            int review = 0;
            for (ProblemView p : problems) {
                GradeView g = byKey.get(s.id() + "/" + p.id());
                if (g == null) {
                    cells.add(new Cell("", false, false, ""));
                    continue;
                }
                Double score = g.override() != null && g.override().score() != null ? g.override().score() : g.score();
                total += score == null ? 0 : score;
                boolean needs = g.needsReview() || score == null;
                review += needs ? 1 : 0;
                cells.add(new Cell(score == null ? "—" : TemplateExtensions.num(score), needs, g.override() != null,
                        g.method().name().toLowerCase()));
            }
            rows.add(new Row(s.id(), s.name() == null ? "" : s.name(), cells, TemplateExtensions.num(total), review));
        }
        double max = problems.stream().mapToDouble(ProblemView::maxScore).sum();
        return new Results(problems.stream().map(ProblemView::id).toList(), rows, max);
    }

    public boolean isEmpty() {
        return rows.stream().allMatch(r -> r.cells().stream().allMatch(c -> c.text().isEmpty()));
    }
}
