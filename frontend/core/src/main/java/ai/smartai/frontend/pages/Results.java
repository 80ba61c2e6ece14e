package ai.smartai.frontend.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ai.smartai.model.grade.GradeView;
import ai.smartai.model.grade.Gradebook;
import ai.smartai.model.problem.ProblemView;
import ai.smartai.model.student.StudentView;

/**
 * The results table: one row a student, a cell a problem; a teacher's override counts. Totals, what awaits the
 * teacher and the pass threshold come from the backend's gradebook, so the page, the CSV and the CLI agree;
 * {@code awaiting} counts the answers that wait for the teacher, {@code unscored} those with no score at all.
 */
public record Results(List<String> problems, List<Row> rows, double maxTotal, int allRows, boolean graded,
        Query query, int awaiting, int unscored) {

    /** What the teacher asked the table for: a search, a filter (failing, review, top) and a sort. */
    public record Query(String q, String filter, String sort) {

        static final List<String> FILTERS = List.of("all", "failing", "review", "top");
        static final List<String> SORTS = List.of("id", "name", "total-desc", "total-asc", "review");

        public Query {
            q = q == null ? "" : q.strip();
            // List.of(...).contains(null) throws, and a missing parameter is null.
            filter = filter != null && FILTERS.contains(filter) ? filter : "all";
            sort = sort != null && SORTS.contains(sort) ? sort : "id";
        }

        static Query none() {
            return new Query(null, null, null);
        }
    }

    public record Cell(String text, boolean review, boolean overridden, String method) {
    }

    public record Row(String studentId, String name, List<Cell> cells, String total, double totalValue, int review) {
    }

    static Results of(List<ProblemView> problems, List<StudentView> students, List<GradeView> grades,
            Gradebook book, Query query) {
        Map<String, GradeView> byKey = new HashMap<>();
        grades.forEach(g -> byKey.put(g.studentId() + "/" + g.problemId(), g));
        Map<String, Gradebook.Row> bookRows = new HashMap<>();
        book.rows().forEach(r -> bookRows.put(r.studentId(), r));
        List<Row> rows = new ArrayList<>();
        int awaiting = 0;
        int unscored = 0;
        for (StudentView s : students) {
            List<Cell> cells = new ArrayList<>();
            for (ProblemView p : problems) {
                GradeView g = byKey.get(s.id() + "/" + p.id());
                if (g == null) {
                    cells.add(new Cell("", false, false, ""));
                    continue;
                }
                Double score = effectiveScore(g);
                cells.add(new Cell(TemplateExtensions.num(score), g.needsReview() || score == null,
                        g.override() != null, g.method().name().toLowerCase()));
            }
            Gradebook.Row r = bookRows.get(s.id());
            double total = r == null ? 0 : r.total();
            int review = r == null ? 0 : r.awaitingReview();
            awaiting += review;
            unscored += r == null ? 0 : r.unscored();
            rows.add(new Row(s.id(), s.name() == null ? "" : s.name(), cells, TemplateExtensions.num(total), total,
                    review));
        }
        boolean graded = rows.stream().anyMatch(r -> r.cells().stream().anyMatch(c -> !c.text().isEmpty()));
        return new Results(problems.stream().map(ProblemView::id).toList(),
                select(rows, book.maxTotal(), book.passThreshold(), query), book.maxTotal(), rows.size(), graded,
                query, graded ? awaiting : 0, graded ? unscored : 0);
    }

    private static List<Row> select(List<Row> rows, double max, double passThreshold, Query query) {
        String needle = query.q().toLowerCase(Locale.ROOT);
        // Top 10 %: at least one student, and everyone tied with the last one in.
        List<Double> desc = rows.stream().map(Row::totalValue).sorted(Comparator.reverseOrder()).toList();
        double topCut = desc.isEmpty() ? 0 : desc.get(Math.max(0, (int) Math.ceil(desc.size() * 0.1) - 1));
        Comparator<Row> order = switch (query.sort()) {
            case "name" -> Comparator.comparing(Row::name).thenComparing(Row::studentId);
            case "total-desc" -> Comparator.comparingDouble(Row::totalValue).reversed().thenComparing(Row::studentId);
            case "total-asc" -> Comparator.comparingDouble(Row::totalValue).thenComparing(Row::studentId);
            case "review" -> Comparator.comparingInt(Row::review).reversed().thenComparing(Row::studentId);
            default -> Comparator.comparing(Row::studentId);
        };
        return rows.stream()
                .filter(r -> needle.isEmpty() || r.studentId().toLowerCase(Locale.ROOT).contains(needle)
                        || r.name().toLowerCase(Locale.ROOT).contains(needle))
                .filter(r -> switch (query.filter()) {
                    case "failing" -> max > 0 && r.totalValue() < passThreshold * max;
                    case "review" -> r.review() > 0;
                    case "top" -> r.totalValue() >= topCut;
                    default -> true;
                })
                .sorted(order).toList();
    }

    /** What counts for the student: the teacher's score when there is one, else the machine's (may be null). */
    static Double effectiveScore(GradeView g) {
        return g.override() != null && g.override().score() != null ? g.override().score() : g.score();
    }

    /** No grade at all yet, whatever the filter shows. */
    public boolean isEmpty() {
        return !graded;
    }
}
