package ai.smartai.backend.student;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import ai.smartai.backend.account.CurrentUser;
import ai.smartai.model.student.AnswerUpdate;
import ai.smartai.model.student.AnswerView;
import ai.smartai.model.student.StudentUpdate;
import ai.smartai.model.student.StudentView;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/tasks/{id}/students")
@Authenticated
public class StudentResource {

    @Inject
    StudentService students;

    @Inject
    SecurityIdentity identity;

    @GET
    public List<StudentView> list(@PathParam("id") String taskId, @QueryParam("view") String view,
            @QueryParam("problemId") String problemId) {
        List<StudentView> all = students.list(CurrentUser.require(identity), taskId, problemId);
        return "brief".equals(view) ? all.stream().map(StudentResource::brief).toList() : all;
    }

    /** Identity and flags only: each answer keeps its problem and flags, not its text. */
    static StudentView brief(StudentView s) {
        return new StudentView(s.id(), s.name(), s.sourceFile(), s.identifiedBy(), s.flags(), blank(s.answers()), null,
                s.otherSubmissions().stream().map(o -> new StudentView.OtherSubmission(o.sourceFile(), o.flags(),
                        blank(o.answers()), null)).toList(),
                s.flagCodes());
    }

    private static List<AnswerView> blank(List<AnswerView> answers) {
        return answers.stream().map(a -> new AnswerView(a.problemId(), "", a.flags())).toList();
    }

    @GET
    @Path("/{studentId}")
    public StudentView get(@PathParam("id") String taskId, @PathParam("studentId") String studentId) {
        return students.get(CurrentUser.require(identity), taskId, studentId);
    }

    @PUT
    @Path("/{studentId}")
    public StudentView update(@PathParam("id") String taskId, @PathParam("studentId") String studentId,
            @Valid @NotNull StudentUpdate update) {
        return students.update(CurrentUser.require(identity), taskId, studentId, update);
    }

    @PUT
    @Path("/{studentId}/answers/{problemId}")
    public AnswerView updateAnswer(@PathParam("id") String taskId, @PathParam("studentId") String studentId,
            @PathParam("problemId") String problemId, @Valid @NotNull AnswerUpdate update) {
        return students.updateAnswer(CurrentUser.require(identity), taskId, studentId, problemId, update);
    }
}
