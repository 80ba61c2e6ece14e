package ai.smartai.frontend.pages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import ai.smartai.frontend.backend.Backend;
import ai.smartai.frontend.i18n.Lang;
import ai.smartai.frontend.session.Session;
import ai.smartai.frontend.session.SignedIn;
import ai.smartai.model.account.AccountView;
import ai.smartai.model.grade.GradeView;
import ai.smartai.model.grade.GradingRequest;
import ai.smartai.model.grade.GradingScope;
import ai.smartai.model.grade.GroupDecision;
import ai.smartai.model.grade.ReviewGroup;
import ai.smartai.model.problem.ProblemView;
import ai.smartai.model.student.AnswerView;
import ai.smartai.model.student.StudentView;
import ai.smartai.model.task.TaskDetail;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The review workbench: one problem across the class, answers in groups the teacher decides at once (a rubric item, a
 * score, or the machine's suggestion), by mouse or keyboard.
 */
@Path("/")
@PermitAll
@SignedIn
public class WorkbenchPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance workbench(WorkbenchPage page);
    }

    /**
     * {@code at} is the group the keyboard is on (after a decision, the next one); {@code stale} counts the grades an
     * edit of the problem or its key made stale, which the page offers to regrade.
     */
    public record WorkbenchPage(AccountView user, TaskDetail task, ProblemView problem, List<String> problemIds,
            List<Group> groups, int at, long stale, String error) {
    }

    public record Group(ReviewGroup group, List<Member> members) {
    }

    /** One answer of a group, with its grade (null when not graded yet). */
    public record Member(String studentId, String name, String text, GradeView grade) {
    }

    @Inject
    Backend backend;

    @Inject
    Forms forms;

    @Inject
    Lang lang;

    @GET
    @Path("tasks/{id}/problems/{problemId}/workbench")
    @Produces(MediaType.TEXT_HTML)
    public Response workbench(@PathParam("id") String id, @PathParam("problemId") String problemId,
            @QueryParam("at") int at) {
        return Response.ok(page(id, problemId, at, null)).build();
    }

    TemplateInstance page(String id, String problemId, int at, String error) {
        AccountView user = backend.call(c -> c.me());
        TaskDetail task = backend.call(c -> c.task(id));
        List<ProblemView> problems = backend.call(c -> c.problems(id));
        ProblemView problem = problems.stream().filter(p -> p.id().equals(problemId)).findFirst()
                .orElseThrow(NotFoundException::new);
        Map<String, StudentView> students = new HashMap<>();
        backend.call(c -> c.studentsFor(id, problemId)).forEach(s -> students.put(s.id(), s));
        Map<String, GradeView> grades = new HashMap<>();
        backend.call(c -> c.grades(id, null, problemId, null)).forEach(g -> grades.put(g.studentId(), g));
        long stale = grades.values().stream().filter(GradeView::stale).count();
        List<Group> groups = new ArrayList<>();
        for (ReviewGroup g : backend.call(c -> c.reviewGroups(id, problemId))) {
            List<Member> members = new ArrayList<>();
            for (String sid : g.studentIds()) {
                StudentView s = students.get(sid);
                String text = s == null ? "" : s.answers().stream().filter(a -> a.problemId().equals(problemId))
                        .map(AnswerView::text).findFirst().orElse("");
                members.add(new Member(sid, s == null || s.name() == null ? "" : s.name(), text, grades.get(sid)));
            }
            groups.add(new Group(g, members));
        }
        return Templates.workbench(new WorkbenchPage(user, task, problem,
                problems.stream().map(ProblemView::id).toList(), groups,
                Math.max(0, Math.min(at, groups.size() - 1)), stale, error));
    }

    /** A form over the server's size limits: a page that says so (see {@link TooLarge}), never a bare 413. */
    @ServerExceptionMapper
    public Response formTooLarge(WebApplicationException e, HttpHeaders headers) {
        return TooLarge.page(e, headers, lang.msg());
    }

    /** After a fix of the problem or its key: regrade this problem's answers whose grades turned stale. */
    @POST
    @Path("tasks/{id}/problems/{problemId}/workbench/regrade")
    public Response regrade(@PathParam("id") String id, @PathParam("problemId") String problemId) {
        GradingRequest request = new GradingRequest(new GradingScope(null, List.of(problemId)), false);
        forms.call(c -> c.grade(id, request), error -> page(id, problemId, 0, error));
        return Session.redirect("/tasks/" + id + "#progress");
    }

    /**
     * The teacher's grade for a group: {@code rubric} items (numbers from 1), or a {@code score}; with
     * {@code students} only those members are decided (a split).
     */
    @POST
    @Path("tasks/{id}/problems/{problemId}/workbench/{groupId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("id") String id, @PathParam("problemId") String problemId,
            @PathParam("groupId") String groupId, @FormParam("score") String score,
            @RestForm("rubric") List<String> rubric, @FormParam("comment") String comment,
            @RestForm("students") List<String> students, @FormParam("at") int at) {
        Double value = null;
        List<String> items = rubric == null ? List.of() : rubric.stream().filter(r -> !r.isBlank()).toList();
        if (items.isEmpty()) {
            try {
                value = Double.valueOf(score == null ? "" : score.strip());
            } catch (NumberFormatException e) {
                return Response.status(400).entity(page(id, problemId, at, lang.msg().notANumber("score", score)))
                        .build();
            }
        }
        List<String> chosen = students == null ? List.of()
                : students.stream().flatMap(s -> Arrays.stream(s.split("[,\\s]+"))).filter(s -> !s.isBlank())
                        .toList();
        GroupDecision decision = new GroupDecision(value, items.isEmpty() ? null : items,
                comment == null || comment.isBlank() ? null : comment, chosen.isEmpty() ? null : chosen);
        forms.call(c -> c.decideGroup(id, problemId, groupId, decision), error -> page(id, problemId, at, error));
        return Session.redirect("/tasks/" + id + "/problems/" + problemId + "/workbench?at=" + (at + 1) + "#groups");
    }
}
