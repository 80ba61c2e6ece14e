package ai.smartai.backend.gradebook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ai.smartai.backend.account.CurrentUser;
import ai.smartai.backend.roster.RosterService;
import ai.smartai.backend.task.TaskService;
import ai.smartai.model.common.Scores;
import ai.smartai.model.grade.GradeView;
import ai.smartai.model.grade.Gradebook;
import ai.smartai.model.student.RosterReport.Person;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The gradebook as files for other programs: an XLSX workbook, Moodle's grade-import CSV and Canvas's gradebook CSV.
 * Every figure comes from {@link GradebookService#gradebook}; only the override marks come from the grades themselves.
 */
@ApplicationScoped
public class GradebookExports {

    /** Canvas reads a row whose Student cell is this as the points each assignment is out of. */
    static final String CANVAS_POINTS_ROW = "    Points Possible";

    @Inject
    GradebookService gradebook;

    @Inject
    TaskService tasks;

    @Inject
    RosterService roster;

    /**
     * One row a student (id, name, a column per problem, total, out of, passed, awaiting review), overridden scores
     * in italics on yellow with a note column naming them, and a summary sheet. Scores are numeric cells, not text.
     * Streamed (SXSSF) so that memory stays flat for a large class.
     */
    @Transactional
    public byte[] xlsx(CurrentUser user, String taskId) {
        String taskName = tasks.require(user, taskId).getName();
        return xlsx(taskName, gradebook.gradebook(user, taskId), overridden(user, taskId));
    }

    /** The workbook of a gradebook; {@code overridden} holds "studentId/problemId" of the teacher's scores. */
    static byte[] xlsx(String taskName, Gradebook book, Set<String> overridden) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle marked = wb.createCellStyle();
            Font italic = wb.createFont();
            italic.setItalic(true);
            marked.setFont(italic);
            marked.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            marked.setFillPattern(FillPatternType.SOLID_FOREGROUND);

            Sheet grades = wb.createSheet("Grades");
            Row header = grades.createRow(0);
            List<String> names = new ArrayList<>(List.of("student_id", "student_name"));
            book.problems().forEach(c -> names.add(c.number() == null ? c.problemId() : c.number()));
            names.addAll(List.of("total", "max_total", "passed", "awaiting_review", "overridden"));
            for (int i = 0; i < names.size(); i++) {
                header.createCell(i).setCellValue(names.get(i));
                header.getCell(i).setCellStyle(bold);
            }
            int r = 1;
            for (Gradebook.Row row : book.rows()) {
                Row out = grades.createRow(r++);
                int c = 0;
                out.createCell(c++).setCellValue(row.studentId());
                out.createCell(c++).setCellValue(row.studentName() == null ? "" : row.studentName());
                List<String> marks = new ArrayList<>();
                for (Gradebook.Column col : book.problems()) {
                    Double score = row.scores().get(col.problemId());
                    var cell = out.createCell(c++);
                    if (score != null) {
                        cell.setCellValue(score);
                    }
                    if (overridden.contains(row.studentId() + "/" + col.problemId())) {
                        cell.setCellStyle(marked);
                        marks.add(col.number() == null ? col.problemId() : col.number());
                    }
                }
                out.createCell(c++).setCellValue(row.total());
                out.createCell(c++).setCellValue(book.maxTotal());
                if (row.passed() != null) {
                    out.createCell(c).setCellValue(row.passed());
                }
                c++;
                out.createCell(c++).setCellValue(row.awaitingReview());
                out.createCell(c).setCellValue(String.join(", ", marks));
            }
            grades.createFreezePane(2, 1);
            summary(wb.createSheet("Summary"), bold, taskName, book);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            wb.write(bytes);
            wb.dispose();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Moodle's "Import grades → CSV file": a header row, an identifier column the teacher maps to a user field ("ID
     * number", or "Email address" when the roster gave emails), and one column per grade item (here the task's total)
     * with its feedback column. Unscored students get an empty grade, which Moodle skips rather than recording as 0.
     */
    @Transactional
    public byte[] moodle(CurrentUser user, String taskId) {
        String taskName = tasks.require(user, taskId).getName();
        Gradebook book = gradebook.gradebook(user, taskId);
        Map<String, Person> lms = roster.byStudentId(user, taskId);
        List<List<Object>> rows = new ArrayList<>();
        for (Gradebook.Row row : book.rows()) {
            Person p = lms.get(row.studentId());
            rows.add(List.of(row.studentId(), nameOf(row), p == null || p.email() == null ? "" : p.email(),
                    row.unscored() > 0 ? "" : Scores.format(row.total()), feedback(book, row)));
        }
        return Csv.write(List.of("ID number", "Full name", "Email address", taskName, taskName + " (Feedback)"), rows);
    }

    /**
     * Canvas's gradebook import: the columns Student, ID, SIS User ID, SIS Login ID, Section, then one column per
     * assignment (a new name makes Canvas create the assignment), and the "Points Possible" row under the header as
     * Canvas's own export writes it. The student's id goes in SIS User ID; ID is Canvas's own user id, known only when
     * the roster (a Canvas export) gave it.
     */
    @Transactional
    public byte[] canvas(CurrentUser user, String taskId) {
        String taskName = tasks.require(user, taskId).getName();
        Gradebook book = gradebook.gradebook(user, taskId);
        Map<String, Person> lms = roster.byStudentId(user, taskId);
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(CANVAS_POINTS_ROW, "", "", "", "", Scores.format(book.maxTotal())));
        for (Gradebook.Row row : book.rows()) {
            Person p = lms.get(row.studentId());
            rows.add(List.of(nameOf(row), p == null || p.lmsId() == null ? "" : p.lmsId(), row.studentId(),
                    row.studentId(), "", row.unscored() > 0 ? "" : Scores.format(row.total())));
        }
        return Csv.write(List.of("Student", "ID", "SIS User ID", "SIS Login ID", "Section", taskName), rows);
    }

    private Set<String> overridden(CurrentUser user, String taskId) {
        Set<String> keys = new HashSet<>();
        for (GradeView v : gradebook.list(user, taskId, null, null, true)) {
            if (v.override() != null) {
                keys.add(v.studentId() + "/" + v.problemId());
            }
        }
        return keys;
    }

    private static void summary(Sheet sheet, CellStyle bold, String taskName, Gradebook book) {
        int scored = 0;
        int passed = 0;
        int awaiting = 0;
        double sum = 0;
        for (Gradebook.Row row : book.rows()) {
            sum += row.total();
            scored += row.unscored() == 0 ? 1 : 0;
            passed += Boolean.TRUE.equals(row.passed()) ? 1 : 0;
            awaiting += row.awaitingReview();
        }
        int n = book.rows().size();
        Object[][] lines = {
                { "task", taskName },
                { "students", n },
                { "fully scored", scored },
                { "passed", passed },
                { "pass threshold", book.passThreshold() },
                { "max total", book.maxTotal() },
                { "mean total", n == 0 ? 0.0 : Scores.round(sum / n) },
                { "answers awaiting review", awaiting } };
        int r = 0;
        for (Object[] line : lines) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue((String) line[0]);
            row.getCell(0).setCellStyle(bold);
            if (line[1] instanceof Number num) {
                row.createCell(1).setCellValue(num.doubleValue());
            } else {
                row.createCell(1).setCellValue(String.valueOf(line[1]));
            }
        }
        r++;
        Row head = sheet.createRow(r++);
        String[] cols = { "problem", "max score", "mean", "scored" };
        for (int i = 0; i < cols.length; i++) {
            head.createCell(i).setCellValue(cols[i]);
            head.getCell(i).setCellStyle(bold);
        }
        for (Gradebook.Column col : book.problems()) {
            double total = 0;
            int count = 0;
            for (Gradebook.Row row : book.rows()) {
                Double s = row.scores().get(col.problemId());
                if (s != null) {
                    total += s;
                    count++;
                }
            }
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(col.number() == null ? col.problemId() : col.number());
            row.createCell(1).setCellValue(col.maxScore());
            if (count > 0) {
                row.createCell(2).setCellValue(Scores.round(total / count));
            }
            row.createCell(3).setCellValue(count);
        }
    }

    private static String nameOf(Gradebook.Row row) {
        return row.studentName() == null ? "" : row.studentName();
    }

    /** Per-problem scores as a line of feedback, e.g. "1: 2/2; 2: 3.5/5; 3: awaiting review". */
    private static String feedback(Gradebook book, Gradebook.Row row) {
        List<String> parts = new ArrayList<>();
        for (Gradebook.Column col : book.problems()) {
            Double s = row.scores().get(col.problemId());
            String label = col.number() == null ? col.problemId() : col.number();
            parts.add(label + ": "
                    + (s == null ? "awaiting review" : Scores.format(s) + "/" + Scores.format(col.maxScore())));
        }
        return String.join("; ", parts);
    }
}
