package ai.smartai.backend.gradebook;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ai.smartai.backend.access.TaskAccess;
import ai.smartai.backend.account.CurrentUser;
import ai.smartai.backend.audit.AuditService;
import ai.smartai.backend.db.Ids;
import ai.smartai.backend.grading.Grade;
import ai.smartai.backend.grading.GradeRepository;
import ai.smartai.backend.grading.GradeResult;
import ai.smartai.backend.problem.Problem;
import ai.smartai.backend.problem.ProblemRepository;
import ai.smartai.backend.student.Answer;
import ai.smartai.backend.student.Student;
import ai.smartai.backend.student.StudentRepository;
import ai.smartai.backend.task.TaskService;
import ai.smartai.backend.web.ApiException;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import ai.smartai.model.common.Scores;
import ai.smartai.model.grade.GradeMethod;
import ai.smartai.model.grade.GradeView;
import ai.smartai.model.grade.Gradebook;
import ai.smartai.model.grade.OverrideRequest;

/**
 * The gradebook of a task: its grades as the teacher sees them, the review queue, the teacher's overrides, and the one
 * per-student read model ({@link Gradebook}) behind the results page, the CSV, the exports and the command line.
 */
@ApplicationScoped
public class GradebookService {

    @Inject
    TaskAccess access;

    @Inject
    TaskService tasks;

    @Inject
    ProblemRepository problems;

    @Inject
    StudentRepository students;

    @Inject
    GradeRepository grades;

    @Inject
    AuditService audit;

    Clock clock = Clock.systemUTC();

    /** One row a student, in upload order, with the task's pass threshold applied. */
    @Transactional
    public Gradebook gradebook(CurrentUser user, String taskId) {
        double threshold = tasks.require(user, taskId).getPassThreshold();
        List<Problem> ps = problems.list(taskId);
        Map<String, Grade> byKey = new HashMap<>();
        grades.list(taskId).forEach(g -> byKey.put(g.getStudentUid() + "/" + g.getProblemId(), g));
        double maxTotal = ps.stream().mapToDouble(Problem::getMaxScore).sum();
        List<Gradebook.Row> rows = new ArrayList<>();
        for (Student s : students.list(taskId)) {
            Map<String, Double> scores = new LinkedHashMap<>();
            double total = 0;
            int awaiting = 0;
            int unscored = 0;
            for (Problem p : ps) {
                Grade g = byKey.get(s.getUid() + "/" + p.getProblemId());
                Double score = g == null ? null : g.effectiveScore();
                scores.put(p.getProblemId(), score);
                total += score == null ? 0 : score;
                unscored += score == null ? 1 : 0;
                awaiting += score == null || g.needsReview() ? 1 : 0;
            }
            Boolean passed = unscored > 0 ? null : maxTotal > 0 && total >= threshold * maxTotal - 1e-9;
            rows.add(new Gradebook.Row(s.getStudentId(), s.getName(), scores, Scores.round(total), awaiting, unscored,
                    passed));
        }
        return new Gradebook(threshold, maxTotal, ps.stream().map(p -> new Gradebook.Column(p.getProblemId(),
                p.getNumber(), p.getMaxScore())).toList(), rows);
    }

    /** grades.csv: {@code student_id,student_name,q1,…,qN,total,max_total,needs_review}, from the gradebook. */
    @Transactional
    public byte[] csv(CurrentUser user, String taskId) {
        Gradebook book = gradebook(user, taskId);
        List<String> header = new ArrayList<>(List.of("student_id", "student_name"));
        book.problems().forEach(c -> header.add(c.problemId()));
        header.addAll(List.of("total", "max_total", "needs_review"));
        List<List<Object>> rows = new ArrayList<>();
        for (Gradebook.Row r : book.rows()) {
            List<Object> row = new ArrayList<>(List.of(r.studentId(), r.studentName() == null ? "" : r.studentName()));
            book.problems().forEach(c -> {
                Double score = r.scores().get(c.problemId());
                row.add(score == null ? "" : Scores.format(score));
            });
            row.addAll(List.of(Scores.format(r.total()), Scores.format(book.maxTotal()),
                    Integer.toString(r.awaitingReview())));
            rows.add(row);
        }
        return Csv.write(header, rows);
    }

    @Transactional
    public List<GradeView> list(CurrentUser user, String taskId) {
        return list(user, taskId, null, null, false);
    }

    /**
     * The task's grades in table order (students as uploaded, problems as numbered), optionally of one student or one
     * problem. {@code brief} leaves out evidence and expert votes, which a results table does not show and which are
     * most of the bytes.
     */
    @Transactional
    public List<GradeView> list(CurrentUser user, String taskId, String studentId, String problemId, boolean brief) {
        access.require(user, taskId);
        Map<String, Student> byUid = new HashMap<>();
        students.list(taskId).forEach(s -> byUid.put(s.getUid(), s));
        Map<String, Problem> problemsById = new HashMap<>();
        problems.list(taskId).forEach(p -> problemsById.put(p.getProblemId(), p));
        Map<String, Integer> answerRevision = new HashMap<>();
        (problemId == null ? students.answers(taskId) : students.answers(taskId, problemId))
                .forEach(a -> answerRevision.put(a.getStudentUid() + "/" + a.getProblemId(), a.getRevision()));
        record Row(GradeView view, int studentPosition, int problemPosition) {
        }
        List<Row> rows = new ArrayList<>();
        for (Grade g : problemId == null ? grades.list(taskId) : grades.list(taskId, problemId)) {
            Student s = byUid.get(g.getStudentUid());
            Problem p = problemsById.get(g.getProblemId());
            if (s == null || p == null || (studentId != null && !studentId.equals(s.getStudentId()))
                    || (problemId != null && !problemId.equals(p.getProblemId()))) {
                continue;
            }
            boolean stale = g.isStale(p.getRevision(), answerRevision.getOrDefault(g.getStudentUid() + "/"
                    + g.getProblemId(), -1));
            GradeView view = GradeViews.view(g, s.getStudentId(), stale);
            rows.add(new Row(brief ? GradeViews.brief(view) : view, s.getPosition(), p.getPosition()));
        }
        rows.sort(Comparator.comparingInt(Row::studentPosition).thenComparing(r -> r.view().studentId())
                .thenComparingInt(Row::problemPosition));
        return rows.stream().map(Row::view).toList();
    }

    /** Grades that wait for the teacher: needing review and not overridden, least confident first. */
    @Transactional
    public List<GradeView> reviewQueue(CurrentUser user, String taskId) {
        return list(user, taskId).stream().filter(GradeView::needsReview)
                .sorted(Comparator.comparingDouble(GradeView::confidence)
                        .thenComparing(GradeView::studentId).thenComparing(GradeView::problemId))
                .toList();
    }

    /** The teacher's score and comment, kept beside the machine grade, and audited. */
    @Transactional
    public GradeView override(CurrentUser user, String taskId, String studentId, String problemId,
            OverrideRequest request) {
        return override(user, taskId, studentId, problemId, request, List.of());
    }

    /**
     * The same, with the rubric items (numbers from 1) the score adds up: a later change of those items' points moves
     * the grade with it.
     */
    @Transactional
    public GradeView override(CurrentUser user, String taskId, String studentId, String problemId,
            OverrideRequest request, List<String> rubricItems) {
        access.require(user, taskId);
        Student s = students.find(taskId, studentId)
                .orElseThrow(() -> ApiException.notFound(MessageCode.THING_STUDENT, studentId));
        Problem p = maxChecked(taskId, problemId, request);
        return apply(user, taskId, s, p, grades.find(s.getUid(), problemId).orElse(null), request, rubricItems);
    }

    /**
     * The same override for many students of one problem (a review group), with everything looked up once: a query
     * per answer would also flush the ones already changed each time, and a group of 100 took seconds.
     */
    @Transactional
    public List<GradeView> overrideAll(CurrentUser user, String taskId, String problemId, List<String> studentIds,
            OverrideRequest request, List<String> rubricItems) {
        access.require(user, taskId);
        Problem p = maxChecked(taskId, problemId, request);
        Map<String, Student> byId = new HashMap<>();
        students.list(taskId).forEach(s -> byId.put(s.getStudentId(), s));
        Map<String, Grade> byStudent = new HashMap<>();
        grades.list(taskId, problemId).forEach(g -> byStudent.put(g.getStudentUid(), g));
        List<GradeView> views = new ArrayList<>();
        for (String studentId : studentIds) {
            Student s = byId.get(studentId);
            if (s == null) {
                throw ApiException.notFound(MessageCode.THING_STUDENT, studentId);
            }
            views.add(apply(user, taskId, s, p, byStudent.get(s.getUid()), request, rubricItems));
        }
        return views;
    }

    private Problem maxChecked(String taskId, String problemId, OverrideRequest request) {
        Problem p = problems.find(taskId, problemId)
                .orElseThrow(() -> ApiException.notFound(MessageCode.THING_PROBLEM, problemId));
        if (request.score() != null && request.score() > p.getMaxScore()) {
            throw ApiException.badRequest("validation_failed", Message.of(MessageCode.ERR_SCORE_ABOVE_MAX,
                    request.score(), p.getMaxScore(), problemId));
        }
        return p;
    }

    private GradeView apply(CurrentUser user, String taskId, Student s, Problem p, Grade existing,
            OverrideRequest request, List<String> rubricItems) {
        String problemId = p.getProblemId();
        Grade g = existing;
        if (g == null) {
            g = new Grade(Ids.newId(), taskId, s.getUid(), problemId);
            g.record(new GradeResult(null, p.getMaxScore(), 0, GradeMethod.MANUAL, List.of(), null, List.of()),
                    p.getRevision(), students.answer(s.getUid(), problemId).map(Answer::getRevision).orElse(-1),
                    "manual", clock.instant());
            grades.persist(g);
        }
        Map<String, String> before = g.getOverrideAt() == null ? Map.of("machineScore", String.valueOf(g.getScore()))
                : Map.of("score", String.valueOf(g.getOverrideScore()), "comment",
                        String.valueOf(g.getOverrideComment()));
        g.override(request.score(), request.comment(), user.username(), clock.instant(), rubricItems);
        audit.record(taskId, user, "grade.override", s.getStudentId() + "/" + problemId, before,
                Map.of("score", String.valueOf(request.score()), "comment", String.valueOf(request.comment()),
                        "rubricItems", String.join(",", rubricItems)));
        return GradeViews.view(g, s.getStudentId(), false);
    }
}
