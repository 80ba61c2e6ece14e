package ai.smartai.frontend.pages;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import ai.smartai.frontend.backend.Backend;
import ai.smartai.frontend.backend.BackendException;
import ai.smartai.frontend.i18n.Lang;
import ai.smartai.frontend.session.Session;
import ai.smartai.frontend.session.SignedIn;
import ai.smartai.model.account.AccountView;
import ai.smartai.model.grade.GradeView;
import ai.smartai.model.grade.GradingRequest;
import ai.smartai.model.grade.OverrideRequest;
import ai.smartai.model.problem.ProblemUpdate;
import ai.smartai.model.problem.ProblemView;
import ai.smartai.model.provider.ProviderView;
import ai.smartai.model.student.AnswerUpdate;
import ai.smartai.model.student.AnswerView;
import ai.smartai.model.student.StudentUpdate;
import ai.smartai.model.student.StudentView;
import ai.smartai.model.task.TaskCreate;
import ai.smartai.model.task.TaskCreated;
import ai.smartai.model.task.MemberAdd;
import ai.smartai.model.task.TaskDetail;
import ai.smartai.model.task.TaskInvitation;
import ai.smartai.model.task.TaskMemberView;
import ai.smartai.model.task.TaskSettings;
import ai.smartai.model.task.TaskSummary;
import ai.smartai.model.task.TaskUpdate;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The dashboard of a teacher's tasks, and the page of one task. */
@Path("/")
@PermitAll
@SignedIn
@Produces(MediaType.TEXT_HTML)
public class TaskPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(AccountView user, List<TaskSummary> tasks,
                List<TaskInvitation> invitations, String newName, String error);

        static native TemplateInstance task(AccountView user, TaskDetail task, List<ProblemView> problems,
                List<StudentView> students, Results results, long keyed, List<ProviderView> providers,
                List<TaskMemberView> members, String error, String notice);

        static native TemplateInstance student(AccountView user, TaskDetail task, StudentView student,
                List<Answered> answers, String previous, String next, String error);
    }

    /** One answer on the student page, beside its problem and grade. */
    public record Answered(ProblemView problem, AnswerView answer, GradeView grade) {
    }

    @Inject
    Backend backend;

    @Inject
    Lang lang;

    @GET
    public Response dashboard(@CookieParam(Session.COOKIE) String token) {
        return Response.ok(dashboardPage(token, "", null)).build();
    }

    @POST
    @Path("tasks")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createTask(@CookieParam(Session.COOKIE) String token, @FormParam("name") String name) {
        try {
            TaskCreated created = backend.call(c -> c.createTask(new TaskCreate(name), Session.bearer(token)));
            return Session.redirect("/tasks/" + created.id());
        } catch (BackendException e) {
            if (e.status() != 400) {
                throw e;
            }
            return Response.status(400).entity(dashboardPage(token, name, e.getMessage())).build();
        }
    }

    @GET
    @Path("tasks/{id}")
    public Response task(@CookieParam(Session.COOKIE) String token, @PathParam("id") String id,
            @QueryParam("q") String q, @QueryParam("filter") String filter, @QueryParam("sort") String sort) {
        return Response.ok(taskPage(token, id, null, new Results.Query(q, filter, sort), null)).build();
    }

    TemplateInstance taskPage(String token, String id, String error) {
        return taskPage(token, id, error, Results.Query.none(), null);
    }

    TemplateInstance taskPage(String token, String id, String error, Results.Query query, String notice) {
        String auth = Session.bearer(token);
        AccountView user = backend.call(c -> c.me(auth));
        TaskDetail task = backend.call(c -> c.task(id, auth));
        List<ProblemView> problems = backend.call(c -> c.problems(id, auth));
        List<StudentView> students = backend.call(c -> c.students(id, "brief", auth));
        List<GradeView> grades = backend.call(c -> c.grades(id, null, null, "brief", auth));
        long keyed = problems.stream().filter(p -> p.referenceAnswer() != null && !p.referenceAnswer().isBlank())
                .count();
        return Templates.task(user, task, problems, students, Results.of(problems, students, grades, query), keyed,
                backend.call(c -> c.providers(auth)), backend.call(c -> c.members(id, auth)), error, notice);
    }

    /** Forwards an upload to the backend; the page then shows the job's progress. */
    @POST
    @Path("tasks/{id}/upload/{kind}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@CookieParam(Session.COOKIE) String token, @PathParam("id") String id,
            @PathParam("kind") String kind, @org.jboss.resteasy.reactive.RestForm("file")
            org.jboss.resteasy.reactive.multipart.FileUpload file) {
        if (!List.of("problems", "answer-key", "submissions").contains(kind)) {
            return Response.status(404).build();
        }
        if (file == null || file.uploadedFile() == null || file.fileName() == null || file.fileName().isBlank()) {
            return Response.status(400).entity(taskPage(token, id, lang.msg().chooseFile())).build();
        }
        try {
            backend.call(c -> c.upload(id, kind, file, Session.bearer(token)));
            return Session.redirect("/tasks/" + id + "#progress");
        } catch (BackendException e) {
            if (e.status() >= 500 || e.status() == 401) {
                throw e;
            }
            return Response.status(e.status() == 404 ? 404 : 400).entity(taskPage(token, id, e.getMessage())).build();
        }
    }

    @POST
    @Path("tasks/{id}/grade")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response grade(@CookieParam(Session.COOKIE) String token, @PathParam("id") String id,
            @FormParam("force") String force) {
        try {
            backend.call(c -> c.grade(id, new GradingRequest(null, "on".equals(force)), Session.bearer(token)));
            return Session.redirect("/tasks/" + id + "#progress");
        } catch (BackendException e) {
            if (e.status() != 409 && e.status() != 400) {
                throw e;
            }
            return Response.status(409).entity(taskPage(token, id, e.getMessage())).build();
        }
    }

    /** Pause, resume or cancel a job, then back to its task. */
    @POST
    @Path("tasks/{id}/jobs/{jobId}/{action}")
    public Response jobAction(@CookieParam(Session.COOKIE) String token, @PathParam("id") String id,
            @PathParam("jobId") String jobId, @PathParam("action") String action) {
        if (!List.of("pause", "resume", "cancel").contains(action)) {
            return Response.status(404).build();
        }
        try {
            backend.call(c -> c.jobAction(jobId, action, Session.bearer(token)));
        } catch (BackendException e) {
            if (e.status() != 409) {
                throw e;
            }
        }
        return Session.redirect("/tasks/" + id + "#progress");
    }

    /** The job as JSON, for the progress bar's polling (same origin, so it works in split mode too). */
    @GET
    @Path("jobs/{jobId}.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response jobJson(@CookieParam(Session.COOKIE) String token, @PathParam("jobId") String jobId) {
        return Response.ok(backend.call(c -> c.job(jobId, Session.bearer(token)))).build();
    }

    @GET
    @Path("tasks/{id}/grades.csv")
    @Produces("text/csv")
    public Response csv(@CookieParam(Session.COOKIE) String token, @PathParam("id") String id) {
        byte[] csv = backend.call(c -> c.gradesCsv(id, Session.bearer(token)));
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"grades-" + id + ".csv\"").build();
    }

    @GET
    @Path("tasks/{id}/students/{studentId}")
    public Response student(@CookieParam(Session.COOKIE) String token, @PathParam("id") String id,
            @PathParam("studentId") String studentId) {
        return Response.ok(studentPage(token, id, studentId, null)).build();
    }

    TemplateInstance studentPage(String token, String id, String studentId, String error) {
        String auth = Session.bearer(token);
        AccountView user = backend.call(c -> c.me(auth));
        TaskDetail task = backend.call(c -> c.task(id, auth));
        StudentView student = backend.call(c -> c.student(id, studentId, auth));
        List<ProblemView> problems = backend.call(c -> c.problems(id, auth));
        List<GradeView> grades = backend.call(c -> c.grades(id, studentId, null, null, auth));
        List<String> ids = backend.call(c -> c.students(id, "brief", auth)).stream().map(StudentView::id).toList();
        int at = ids.indexOf(studentId);
        List<Answered> answers = new java.util.ArrayList<>();
        for (ProblemView p : problems) {
            AnswerView a = student.answers().stream().filter(x -> x.problemId().equals(p.id())).findFirst()
                    .orElse(new AnswerView(p.id(), "", List.of()));
            GradeView g = grades.stream().filter(x -> x.studentId().equals(studentId) && x.problemId().equals(p.id()))
                    .findFirst().orElse(null);
            answers.add(new Answered(p, a, g));
        }
        return Templates.student(user, task, student, answers, at > 0 ? ids.get(at - 1) : null,
                at >= 0 && at + 1 < ids.size() ? ids.get(at + 1) : null, error);
    }

    /** The teacher's score and comment for one answer; the total follows. */
    @POST
    @Path("tasks/{id}/students/{studentId}/{problemId}/override")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response override(@CookieParam(Session.COOKIE) String token, @PathParam("id") String id,
            @PathParam("studentId") String studentId, @PathParam("problemId") String problemId,
            @FormParam("score") String score, @FormParam("comment") String comment) {
        Double value;
        try {
            value = score == null || score.isBlank() ? null : Double.valueOf(score.strip());
        } catch (NumberFormatException e) {
            return Response.status(400).entity(studentPage(token, id, studentId,
                    lang.msg().notANumber("score", score))).build();
        }
        try {
            backend.call(c -> c.override(id, studentId, problemId, new OverrideRequest(value, comment),
                    Session.bearer(token)));
            return Session.redirect("/tasks/" + id + "/students/" + java.net.URLEncoder.encode(studentId,
                    java.nio.charset.StandardCharsets.UTF_8) + "#" + problemId);
        } catch (BackendException e) {
            if (e.status() != 400) {
                throw e;
            }
            return Response.status(400).entity(studentPage(token, id, studentId, e.getMessage())).build();
        }
    }

    /** The inline problem editor of the set-up step; the problem's grades turn stale in the backend. */
    @POST
    @Path("tasks/{id}/problems/{problemId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response editProblem(@CookieParam(Session.COOKIE) String token, @PathParam("id") String id,
            @PathParam("problemId") String problemId, @FormParam("type") String type,
            @FormParam("maxScore") String maxScore, @FormParam("stem") String stem,
            @FormParam("referenceAnswer") String referenceAnswer, @FormParam("correctChoices") String correctChoices,
            @FormParam("rubric") String rubric, @FormParam("testCases") String testCases) {
        ProblemUpdate update;
        try {
            update = ProblemForm.parse(lang.msg(), type, maxScore, stem, referenceAnswer, correctChoices, rubric,
                    testCases);
        } catch (IllegalArgumentException e) {
            return Response.status(400).entity(taskPage(token, id, problemId + " · " + e.getMessage())).build();
        }
        try {
            backend.call(c -> c.updateProblem(id, problemId, update, Session.bearer(token)));
        } catch (BackendException e) {
            if (e.status() != 400) {
                throw e;
            }
            return Response.status(400).entity(taskPage(token, id, problemId + " · " + e.getMessage())).build();
        }
        return Response.ok(taskPage(token, id, null, Results.Query.none(), lang.msg().problemSaved(problemId)))
                .build();
    }

    /** Fixes an answer the segmenter or the file got wrong; its grade turns stale. */
    @POST
    @Path("tasks/{id}/students/{studentId}/answers/{problemId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response editAnswer(@CookieParam(Session.COOKIE) String token, @PathParam("id") String id,
            @PathParam("studentId") String studentId, @PathParam("problemId") String problemId,
            @FormParam("text") String text) {
        try {
            backend.run(c -> c.updateAnswer(id, studentId, problemId,
                    new AnswerUpdate(text == null ? "" : text.replace("\r\n", "\n")), Session.bearer(token)));
        } catch (BackendException e) {
            if (e.status() != 400) {
                throw e;
            }
            return Response.status(400).entity(studentPage(token, id, studentId, e.getMessage())).build();
        }
        return Session.redirect(studentUrl(id, studentId) + "#" + problemId);
    }

    /** Fixes a student's id or name, e.g. after an identity conflict; the page follows the new id. */
    @POST
    @Path("tasks/{id}/students/{studentId}/identity")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response editIdentity(@CookieParam(Session.COOKIE) String token, @PathParam("id") String id,
            @PathParam("studentId") String studentId, @FormParam("id") String newId, @FormParam("name") String name) {
        String target = newId == null || newId.isBlank() ? studentId : newId.strip();
        try {
            backend.call(c -> c.updateStudent(id, studentId, new StudentUpdate(target,
                    name == null ? null : name.strip()), Session.bearer(token)));
        } catch (BackendException e) {
            if (e.status() != 400 && e.status() != 409) {
                throw e;
            }
            return Response.status(e.status()).entity(studentPage(token, id, studentId, e.getMessage())).build();
        }
        return Session.redirect(studentUrl(id, target));
    }

    private static String studentUrl(String taskId, String studentId) {
        return "/tasks/" + taskId + "/students/" + java.net.URLEncoder.encode(studentId,
                java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The task's AI panel: which of the teacher's providers judges, and how many samples each expert gives. */
    @POST
    @Path("tasks/{id}/panel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response panel(@CookieParam(Session.COOKIE) String token, @PathParam("id") String id,
            @FormParam("judge") String judge, @FormParam("samples") Integer samples) {
        try {
            backend.call(c -> c.updateTask(id, new TaskUpdate(null, new TaskSettings(null, judge == null ? "" : judge,
                    samples)), Session.bearer(token)));
            return Session.redirect("/tasks/" + id + "#panel");
        } catch (BackendException e) {
            if (e.status() != 400) {
                throw e;
            }
            return Response.status(400).entity(taskPage(token, id, e.getMessage())).build();
        }
    }

    /** The owner invites a co-teacher or TA by username. */
    @POST
    @Path("tasks/{id}/members")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addMember(@CookieParam(Session.COOKIE) String token, @PathParam("id") String id,
            @FormParam("username") String username) {
        try {
            backend.call(c -> c.addMember(id, new MemberAdd(username == null ? "" : username.strip()),
                    Session.bearer(token)));
            return Session.redirect("/tasks/" + id + "#members");
        } catch (BackendException e) {
            if (e.status() != 400 && e.status() != 403) {
                throw e;
            }
            return Response.status(e.status()).entity(taskPage(token, id, e.getMessage())).build();
        }
    }

    @POST
    @Path("tasks/{id}/invitations/{username}/withdraw")
    public Response withdrawInvitation(@CookieParam(Session.COOKIE) String token, @PathParam("id") String id,
            @PathParam("username") String username) {
        backend.run(c -> c.withdrawInvitation(id, username, Session.bearer(token)));
        return Session.redirect("/tasks/" + id + "#members");
    }

    /** The invitee joins the task (it then appears in their list), or declines. */
    @POST
    @Path("invitations/{id}/accept")
    public Response acceptInvitation(@CookieParam(Session.COOKIE) String token, @PathParam("id") String id) {
        backend.run(c -> c.acceptInvitation(id, Session.bearer(token)));
        return Session.redirect("/tasks/" + id);
    }

    @POST
    @Path("invitations/{id}/decline")
    public Response declineInvitation(@CookieParam(Session.COOKIE) String token, @PathParam("id") String id) {
        backend.run(c -> c.declineInvitation(id, Session.bearer(token)));
        return Session.redirect("/");
    }

    @POST
    @Path("tasks/{id}/members/{accountId}/remove")
    public Response removeMember(@CookieParam(Session.COOKIE) String token, @PathParam("id") String id,
            @PathParam("accountId") String accountId) {
        try {
            backend.run(c -> c.removeMember(id, accountId, Session.bearer(token)));
            return Session.redirect("/tasks/" + id + "#members");
        } catch (BackendException e) {
            if (e.status() != 403) {
                throw e;
            }
            return Response.status(403).entity(taskPage(token, id, e.getMessage())).build();
        }
    }

    @POST
    @Path("tasks/{id}/rename")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rename(@CookieParam(Session.COOKIE) String token, @PathParam("id") String id,
            @FormParam("name") String name) {
        String auth = Session.bearer(token);
        try {
            backend.call(c -> c.updateTask(id, new TaskUpdate(name, null), auth));
            return Session.redirect("/tasks/" + id);
        } catch (BackendException e) {
            if (e.status() != 400) {
                throw e;
            }
            return Response.status(400).entity(taskPage(token, id, e.getMessage())).build();
        }
    }

    private TemplateInstance dashboardPage(String token, String newName, String error) {
        String auth = Session.bearer(token);
        AccountView user = backend.call(c -> c.me(auth));
        List<TaskSummary> tasks = backend.call(c -> c.tasks(auth));
        return Templates.dashboard(user, tasks, backend.call(c -> c.invitations(auth)), newName, error);
    }
}
