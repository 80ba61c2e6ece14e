package ai.smartai.backend.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ai.smartai.backend.account.CurrentUser;
import ai.smartai.backend.analytics.AnalyticsService;
import ai.smartai.backend.gradebook.GradebookService;
import ai.smartai.backend.problem.Problem;
import ai.smartai.backend.problem.ProblemRepository;
import ai.smartai.backend.student.Student;
import ai.smartai.backend.student.StudentRepository;
import ai.smartai.backend.task.Task;
import ai.smartai.backend.task.TaskService;
import ai.smartai.backend.web.ApiException;
import ai.smartai.model.analytics.Analytics;
import ai.smartai.model.analytics.ProblemDeepDive;
import ai.smartai.model.analytics.ProblemStats;
import ai.smartai.model.common.MessageCode;
import ai.smartai.model.grade.Evidence;
import ai.smartai.model.grade.GradeView;
import ai.smartai.model.grade.Gradebook;

/**
 * Gathers what the PDF reports show from the read models (the gradebook, the grades, the analytics), in one
 * transaction; the drawing happens afterwards, outside it.
 */
@ApplicationScoped
public class ReportService {

    /** Evidence about the answer key or the grader's own workings, which tells a student nothing. */
    static final Set<String> TEACHER_ONLY_EVIDENCE = Set.of("rubric", "sandbox-harness", "sandbox-tests",
            "cas-key-check", "similarity");
    static final int MAX_ANSWER_CHARS = 4000;

    @Inject
    TaskService tasks;

    @Inject
    GradebookService gradebook;

    @Inject
    AnalyticsService analytics;

    @Inject
    ProblemRepository problems;

    @Inject
    StudentRepository students;

    /** The reports of every student of the task, or of the one named (404 when there is no such student). */
    @Transactional
    public List<StudentReport> students(CurrentUser user, String taskId, String onlyStudentId) {
        Task task = tasks.require(user, taskId);
        String taskName = task.getName();
        Gradebook book = gradebook.gradebook(user, taskId);
        if (onlyStudentId != null && book.rows().stream().noneMatch(r -> r.studentId().equals(onlyStudentId))) {
            throw ApiException.notFound(MessageCode.THING_STUDENT, onlyStudentId);
        }
        Analytics stats = analytics.analytics(user, taskId);
        Map<String, Double> problemMeans = new HashMap<>();
        stats.perProblem().forEach(p -> problemMeans.put(p.problemId(), p.mean()));
        List<Problem> ps = problems.list(taskId);
        Map<String, GradeView> grades = new HashMap<>();
        gradebook.list(user, taskId, onlyStudentId, null, false)
                .forEach(g -> grades.put(g.studentId() + "/" + g.problemId(), g));
        Map<String, String> studentIdOfUid = new HashMap<>();
        for (Student s : students.list(taskId)) {
            studentIdOfUid.put(s.getUid(), s.getStudentId());
        }
        Map<String, String> answers = new HashMap<>();
        students.answers(taskId).forEach(a -> {
            String sid = studentIdOfUid.get(a.getStudentUid());
            if (onlyStudentId == null || onlyStudentId.equals(sid)) {
                answers.put(sid + "/" + a.getProblemId(), a.getText());
            }
        });

        List<StudentReport> reports = new ArrayList<>();
        for (Gradebook.Row row : book.rows()) {
            if (onlyStudentId != null && !onlyStudentId.equals(row.studentId())) {
                continue;
            }
            List<StudentReport.Line> lines = new ArrayList<>();
            for (Problem p : ps) {
                String key = row.studentId() + "/" + p.getProblemId();
                GradeView g = grades.get(key);
                Double score = row.scores().get(p.getProblemId());
                lines.add(new StudentReport.Line(label(p), p.getStem(), p.getMaxScore(), score,
                        g == null || g.override() == null ? null : g.score(), g == null ? null : g.override(),
                        problemMeans.getOrDefault(p.getProblemId(), 0.0), shorten(answers.get(key)),
                        g == null ? null : g.comment(), g == null ? List.of() : forStudent(g.evidence()),
                        score == null || g.needsReview(),
                        task.getCommentLanguage() != null ? task.getCommentLanguage() : p.getLanguage()));
            }
            reports.add(new StudentReport(taskName, row.studentId(), row.studentName(), row.total(), book.maxTotal(),
                    row.passed(), row.awaitingReview(), stats.mean(), stats.histogram(), lines));
        }
        return reports;
    }

    @Transactional
    public ClassReport classReport(CurrentUser user, String taskId) {
        String taskName = tasks.require(user, taskId).getName();
        Analytics stats = analytics.analytics(user, taskId);
        Gradebook book = gradebook.gradebook(user, taskId);
        List<Problem> ps = problems.list(taskId);
        List<ProblemDeepDive> deep = new ArrayList<>();
        for (ProblemStats p : stats.perProblem()) {
            deep.add(analytics.problem(user, taskId, p.problemId()));
        }
        int fullyScored = (int) book.rows().stream().filter(r -> r.unscored() == 0).count();
        List<PdfKit.Box> boxes = new ArrayList<>();
        for (Problem p : ps) {
            List<Double> scores = book.rows().stream().map(r -> r.scores().get(p.getProblemId()))
                    .filter(s -> s != null).toList();
            PdfKit.Box box = PdfKit.Box.of(label(p), p.getMaxScore(), scores);
            if (box != null) {
                boxes.add(box);
            }
        }
        List<Double> totalsPercent = book.rows().stream()
                .map(r -> book.maxTotal() <= 0 ? 0 : 100 * r.total() / book.maxTotal()).toList();
        return new ClassReport(taskName, stats, ps.stream().map(ReportService::label).toList(), deep,
                gradebook.reviewQueue(user, taskId), fullyScored, boxes, totalsPercent);
    }

    static String label(Problem p) {
        return p.getNumber() == null || p.getNumber().isBlank() ? p.getProblemId() : p.getNumber();
    }

    private static List<Evidence> forStudent(List<Evidence> evidence) {
        return evidence == null ? List.of()
                : evidence.stream().filter(e -> !TEACHER_ONLY_EVIDENCE.contains(e.kind())).toList();
    }

    private static String shorten(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= MAX_ANSWER_CHARS ? text : text.substring(0, MAX_ANSWER_CHARS) + " …";
    }
}
