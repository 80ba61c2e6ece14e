package ai.smartai.backend.student;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ai.smartai.backend.access.TaskAccess;
import ai.smartai.backend.account.CurrentUser;
import ai.smartai.backend.audit.AuditService;
import ai.smartai.backend.db.Ids;
import ai.smartai.backend.problem.Problem;
import ai.smartai.backend.problem.ProblemRepository;
import ai.smartai.backend.student.SheetFlag.Kind;
import ai.smartai.backend.web.ApiException;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import ai.smartai.model.student.AnswerUpdate;
import ai.smartai.model.student.AnswerView;
import ai.smartai.model.student.IdentifiedBy;
import ai.smartai.model.student.StudentUpdate;
import ai.smartai.model.student.StudentView;

@ApplicationScoped
public class StudentService {

    @Inject
    TaskAccess access;

    @Inject
    StudentRepository students;

    @Inject
    ProblemRepository problems;

    @Inject
    AuditService audit;

    @Transactional
    public List<StudentView> list(CurrentUser user, String taskId) {
        return list(user, taskId, null);
    }

    /** Every student; with a {@code problemId}, each with only their answer to that problem (the workbench's view). */
    @Transactional
    public List<StudentView> list(CurrentUser user, String taskId, String problemId) {
        access.require(user, taskId);
        Map<String, Integer> order = problemOrder(taskId);
        Map<String, List<Answer>> byStudent = (problemId == null ? students.answers(taskId)
                : students.answers(taskId, problemId)).stream().collect(Collectors.groupingBy(Answer::getStudentUid));
        Map<String, List<StudentView.OtherSubmission>> others = new HashMap<>();
        for (Student o : students.otherSubmissions(taskId)) {
            List<Answer> answers = students.answersOf(o.getUid()).stream()
                    .filter(a -> problemId == null || a.getProblemId().equals(problemId)).toList();
            others.computeIfAbsent(o.getSupersededBy(), k -> new ArrayList<>()).add(other(o, answers, order));
        }
        return students.list(taskId).stream().map(s -> view(s, byStudent.getOrDefault(s.getUid(), List.of()), order,
                others.getOrDefault(s.getUid(), List.of()))).toList();
    }

    @Transactional
    public StudentView get(CurrentUser user, String taskId, String studentId) {
        access.require(user, taskId);
        Student s = require(taskId, studentId);
        return view(s, students.answersOf(s.getUid()), problemOrder(taskId));
    }

    /** Fixes a student's identity; answers and grades follow, since they link by the internal uid. */
    @Transactional
    public StudentView update(CurrentUser user, String taskId, String studentId, StudentUpdate u) {
        access.require(user, taskId);
        Student s = require(taskId, studentId);
        var before = Map.of("id", s.getStudentId(), "name", String.valueOf(s.getName()));
        if (u.id() != null && !u.id().strip().equals(s.getStudentId())) {
            String newId = u.id().strip();
            if (students.find(taskId, newId).isPresent()) {
                throw ApiException.conflict("student_exists", Message.of(MessageCode.ERR_STUDENT_EXISTS, newId));
            }
            s.setStudentId(newId);
        }
        if (u.name() != null) {
            s.setName(u.name().strip());
        }
        s.setIdentifiedBy(IdentifiedBy.MANUAL);
        // A teacher's fix resolves what the parser doubted about the identity.
        s.setFlags(s.getFlags().stream().filter(f -> !f.is(Kind.IDENTITY_CONFLICT) && !f.is(Kind.UNIDENTIFIED))
                .toList());
        audit.record(taskId, user, "student.edit", studentId, before,
                Map.of("id", s.getStudentId(), "name", String.valueOf(s.getName())));
        return view(s, students.answersOf(s.getUid()), problemOrder(taskId));
    }

    /** Fixes one answer's text; its grade becomes stale (the answer's revision changes). */
    @Transactional
    public AnswerView updateAnswer(CurrentUser user, String taskId, String studentId, String problemId,
            AnswerUpdate u) {
        access.require(user, taskId);
        Student s = require(taskId, studentId);
        problems.find(taskId, problemId).orElseThrow(() -> ApiException.notFound(MessageCode.THING_PROBLEM, problemId));
        List<SheetFlag> flags = u.text().isBlank() ? List.of(SheetFlag.of(Kind.UNANSWERED)) : List.of();
        Answer a = students.answer(s.getUid(), problemId).orElse(null);
        if (a == null) {
            a = new Answer(Ids.newId(), taskId, s.getUid(), problemId, "", flags);
            students.persist(a);
        }
        String beforeText = a.getText();
        a.edit(u.text(), flags);
        audit.record(taskId, user, "answer.edit", studentId + "/" + problemId, Map.of("text", beforeText),
                Map.of("text", u.text()));
        return answerView(a);
    }

    /** A sheet the parser could not split by problem, for LLM-assisted segmentation. */
    public record UnclearSheet(String studentUid, String studentId, String text) {
    }

    @Transactional
    public List<UnclearSheet> unsegmented(String taskId) {
        return students.list(taskId).stream().filter(s -> s.getFlags().stream().anyMatch(f -> f.is(Kind.UNSEGMENTED)))
                .map(s -> new UnclearSheet(s.getUid(), s.getStudentId(), s.getUnmatchedText() == null ? ""
                        : s.getUnmatchedText()))
                .toList();
    }

    /**
     * Places a model's split of an unclear sheet: each answer is text copied from the sheet (checked by the caller);
     * the student is flagged so the teacher sees that a model helped.
     */
    @Transactional
    public void applySegmentation(String taskId, String studentUid, Map<String, String> answers, String by) {
        Student s = students.list(taskId).stream().filter(x -> x.getUid().equals(studentUid)).findFirst()
                .orElseThrow();
        for (Problem p : problems.list(taskId)) {
            String text = answers.getOrDefault(p.getProblemId(), "");
            List<SheetFlag> flags = text.isBlank() ? List.of(SheetFlag.of(Kind.UNANSWERED)) : List.of();
            Answer a = students.answer(studentUid, p.getProblemId()).orElse(null);
            if (a == null) {
                students.persist(new Answer(Ids.newId(), taskId, studentUid, p.getProblemId(),
                        text, flags));
            } else if (!a.isEdited()) {
                a.reparse(text, flags);
            }
        }
        List<SheetFlag> flags = new ArrayList<>(s.getFlags());
        flags.removeIf(f -> f.is(Kind.UNSEGMENTED));
        flags.add(SheetFlag.llmSegmented(by));
        s.setFlags(flags);
        s.setUnmatchedText(null);
    }

    private Student require(String taskId, String studentId) {
        return students.find(taskId, studentId)
                .orElseThrow(() -> ApiException.notFound(MessageCode.THING_STUDENT, studentId));
    }

    private Map<String, Integer> problemOrder(String taskId) {
        Map<String, Integer> order = new HashMap<>();
        for (Problem p : problems.list(taskId)) {
            order.put(p.getProblemId(), p.getPosition());
        }
        return order;
    }

    /** One student with their other submissions. */
    private StudentView view(Student s, List<Answer> answers, Map<String, Integer> order) {
        List<StudentView.OtherSubmission> others = students.otherSubmissions(s.getTaskId()).stream()
                .filter(o -> o.getSupersededBy().equals(s.getUid()))
                .map(o -> other(o, students.answersOf(o.getUid()), order)).toList();
        return view(s, answers, order, others);
    }

    static StudentView view(Student s, List<Answer> answers, Map<String, Integer> order,
            List<StudentView.OtherSubmission> others) {
        return new StudentView(s.getStudentId(), s.getName(), s.getSourceFile(), s.getIdentifiedBy(),
                texts(s.getFlags()),
                answerViews(answers, order), s.getUnmatchedText(), others,
                s.getFlags().stream().map(SheetFlag::message).toList());
    }

    private static StudentView.OtherSubmission other(Student o, List<Answer> answers, Map<String, Integer> order) {
        return new StudentView.OtherSubmission(o.getSourceFile(), texts(o.getFlags()), answerViews(answers, order),
                o.getUnmatchedText());
    }

    private static List<AnswerView> answerViews(List<Answer> answers, Map<String, Integer> order) {
        List<AnswerView> views = new ArrayList<>();
        answers.stream().sorted(Comparator.comparing(a -> order.getOrDefault(a.getProblemId(), Integer.MAX_VALUE)))
                .forEach(a -> views.add(answerView(a)));
        return views;
    }

    private static AnswerView answerView(Answer a) {
        return new AnswerView(a.getProblemId(), a.getText(), texts(a.getFlags()));
    }

    /** The flags as the API's English texts. */
    private static List<String> texts(List<SheetFlag> flags) {
        return flags.stream().map(SheetFlag::text).toList();
    }
}
