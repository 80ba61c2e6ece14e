package ai.smartai.backend.student;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.smartai.backend.db.Db;

@ApplicationScoped
public class StudentRepository {

    @Inject
    Db db;

    /** The graded students: a student's other submission (see {@link #otherSubmissions}) is not one of them. */
    public List<Student> list(String taskId) {
        return db.em().createQuery("from Student where taskId = :t and supersededBy is null order by studentId",
                Student.class).setParameter("t", taskId).getResultList();
    }

    /** Every sheet of the task, other submissions included: for ingest, which must know every id and file taken. */
    public List<Student> sheets(String taskId) {
        return db.em().createQuery("from Student where taskId = :t order by studentId", Student.class)
                .setParameter("t", taskId).getResultList();
    }

    /** The files a student handed in besides the graded one, oldest first. */
    public List<Student> otherSubmissions(String taskId) {
        return db.em().createQuery("from Student where taskId = :t and supersededBy is not null order by position",
                Student.class).setParameter("t", taskId).getResultList();
    }

    public Optional<Student> find(String taskId, String studentId) {
        return db.em().createQuery("from Student where taskId = :t and studentId = :s and supersededBy is null",
                Student.class).setParameter("t", taskId).setParameter("s", studentId).getResultStream().findFirst();
    }

    public long count(String taskId) {
        return db.em().createQuery("select count(s) from Student s where s.taskId = :t and s.supersededBy is null",
                Long.class).setParameter("t", taskId).getSingleResult();
    }

    public int nextPosition(String taskId) {
        Integer max = db.em().createQuery("select max(s.position) from Student s where s.taskId = :t", Integer.class)
                .setParameter("t", taskId).getSingleResult();
        return max == null ? 0 : max + 1;
    }

    /** The graded students' answers (not those of a student's other submission). */
    public List<Answer> answers(String taskId) {
        return db.em().createQuery("from Answer where taskId = :t and " + GRADED, Answer.class)
                .setParameter("t", taskId).getResultList();
    }

    /** One problem's answers across the class. */
    public List<Answer> answers(String taskId, String problemId) {
        return db.em().createQuery("from Answer where taskId = :t and problemId = :p and " + GRADED, Answer.class)
                .setParameter("t", taskId).setParameter("p", problemId).getResultList();
    }

    private static final String GRADED = "studentUid not in (select s.uid from Student s where s.taskId = :t and "
            + "s.supersededBy is not null)";

    public List<Answer> answersOf(String studentUid) {
        return db.em().createQuery("from Answer where studentUid = :s", Answer.class).setParameter("s", studentUid)
                .getResultList();
    }

    public Optional<Answer> answer(String studentUid, String problemId) {
        return db.em().createQuery("from Answer where studentUid = :s and problemId = :p", Answer.class)
                .setParameter("s", studentUid).setParameter("p", problemId).getResultStream().findFirst();
    }

    public void persist(Student student) {
        db.em().persist(student);
    }

    public void persist(Answer answer) {
        db.em().persist(answer);
    }

    public void delete(Student student) {
        db.em().createQuery("delete from Answer where studentUid = :s").setParameter("s", student.getUid())
                .executeUpdate();
        db.em().remove(student);
    }

    public void deleteAnswersOfProblem(String taskId, String problemId) {
        db.em().createQuery("delete from Answer where taskId = :t and problemId = :p").setParameter("t", taskId)
                .setParameter("p", problemId).executeUpdate();
    }

    public void flush() {
        db.em().flush();
    }
}
