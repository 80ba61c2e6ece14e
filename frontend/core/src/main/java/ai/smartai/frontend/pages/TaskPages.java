package ai.smartai.frontend.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
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
import ai.smartai.frontend.backend.BackendException;
import ai.smartai.frontend.i18n.Lang;
import ai.smartai.frontend.session.Session;
import ai.smartai.frontend.session.SignedIn;
import ai.smartai.model.account.AccountView;
import ai.smartai.model.grade.GradeView;
import ai.smartai.model.grade.GradingRequest;
import ai.smartai.model.grade.OverrideRequest;
import ai.smartai.model.job.JobStatus;
import ai.smartai.model.job.JobView;
import ai.smartai.model.problem.ProblemUpdate;
import ai.smartai.model.problem.ProblemView;
import ai.smartai.model.provider.ProviderView;
import ai.smartai.model.student.AnswerUpdate;
import ai.smartai.model.student.AnswerView;
import ai.smartai.model.student.StudentUpdate;
import ai.smartai.model.student.StudentView;
import ai.smartai.model.task.MemberAdd;
import ai.smartai.model.task.TaskCreate;
import ai.smartai.model.task.TaskCreated;
import ai.smartai.model.task.TaskDetail;
import ai.smartai.model.task.TaskInvitation;
import ai.smartai.model.task.TaskMemberView;
import ai.smartai.model.task.TaskSettings;
import ai.smartai.model.task.TaskSummary;
import ai.smartai.model.task.TaskUpdate;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The dashboard of a teacher's tasks, and the page of one task. */
@Path("/")
@PermitAll
@SignedIn
@Produces(MediaType.TEXT_HTML)
public class TaskPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(DashboardPage page);

        static native TemplateInstance task(TaskPage page);

        static native TemplateInstance student(StudentPage page);
    }

    /** {@code newName} refills the new-task form after the backend refused it. */
    public record DashboardPage(AccountView user, List<TaskSummary> tasks, List<TaskInvitation> invitations,
            String newName, String error) {
    }

    /**
     * {@code keyed} counts the problems with a reference answer, for the answer-key step. {@code problemDraft} and
     * {@code nameDraft} are what the teacher typed into a form the backend refused (else null), shown again.
     * {@code uploadReports}: ended uploads that failed or warned, shown until the teacher dismisses them.
     */
    public record TaskPage(AccountView user, TaskDetail task, List<ProblemView> problems, List<StudentView> students,
            Results results, long keyed, List<ProviderView> providers, List<TaskMemberView> members, String error,
            String notice, ProblemForm.Fields problemDraft, String nameDraft, List<JobView> uploadReports) {

        public ProblemForm.Fields form(ProblemView p) {
            return problemDraft != null && problemDraft.problemId().equals(p.id()) ? problemDraft
                    : ProblemForm.Fields.of(p);
        }

        public String nameField() {
            return nameDraft != null ? nameDraft : task.name();
        }
    }

    /** {@code previous} and {@code next} are the neighbouring students' ids, null at either end. */
    public record StudentPage(AccountView user, TaskDetail task, StudentView student, List<Answered> answers,
            String previous, String next, String error) {
    }

    /**
     * One answer on the student page, beside its problem and grade. The form fields show what the teacher typed when
     * the backend refused it ({@code draft}), else what is stored.
     */
    public record Answered(ProblemView problem, AnswerView answer, GradeView grade, Draft draft) {

        public String answerText() {
            return draft != null && draft.answer() != null ? draft.answer() : answer.text();
        }

        public String overrideScore() {
            if (draft != null && draft.score() != null) {
                return draft.score();
            }
            return grade != null && grade.override() != null && grade.override().score() != null
                    ? TemplateExtensions.num(grade.override().score()) : "";
        }

        public String overrideComment() {
            if (draft != null && draft.comment() != null) {
                return draft.comment();
            }
            return grade != null && grade.override() != null && grade.override().comment() != null
                    ? grade.override().comment() : "";
        }

        /** The answer editor stays open with the refused text in it. */
        public boolean editing() {
            return draft != null && draft.answer() != null;
        }
    }

    /** What the teacher submitted for one problem of the student page, kept when the form comes back refused. */
    public record Draft(String problemId, String score, String comment, String answer) {
    }

    @Inject
    Backend backend;

    @Inject
    Forms forms;

    @Inject
    Lang lang;

    @GET
    public Response dashboard() {
        return Response.ok(dashboardPage("", null)).build();
    }

    @POST
    @Path("tasks")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createTask(@FormParam("name") String name) {
        TaskCreated created = forms.call(c -> c.createTask(new TaskCreate(name)), error -> dashboardPage(name, error));
        return Session.redirect("/tasks/" + created.id());
    }

    @GET
    @Path("tasks/{id}")
    public Response task(@PathParam("id") String id, @QueryParam("q") String q, @QueryParam("filter") String filter,
            @QueryParam("sort") String sort, @QueryParam("saved") String saved) {
        String notice = saved == null || saved.isBlank() ? null : lang.msg().problemSaved(saved);
        return Response.ok(taskPage(id, null, new Results.Query(q, filter, sort), notice)).build();
    }

    TemplateInstance taskPage(String id, String error) {
        return taskPage(id, error, Results.Query.none(), null);
    }

    TemplateInstance taskPage(String id, String error, Results.Query query, String notice) {
        return taskPage(id, error, query, notice, null, null);
    }

    TemplateInstance taskPage(String id, String error, Results.Query query, String notice,
            ProblemForm.Fields problemDraft, String nameDraft) {
        AccountView user = backend.call(c -> c.me());
        TaskDetail task = backend.call(c -> c.task(id));
        List<ProblemView> problems = backend.call(c -> c.problems(id));
        List<StudentView> students = backend.call(c -> c.students(id, "brief"));
        List<GradeView> grades = backend.call(c -> c.grades(id, null, null, "brief"));
        long keyed = problems.stream().filter(p -> p.referenceAnswer() != null && !p.referenceAnswer().isBlank())
                .count();
        Results results = Results.of(problems, students, grades, backend.call(c -> c.gradebook(id)), query);
        // A teaching assistant manages no provider, so picks no judge (the API answers 403).
        List<ProviderView> providers = user.role().teaches() ? backend.call(c -> c.providers()) : List.of();
        return Templates.task(new TaskPage(user, task, problems, students, results, keyed,
                providers, backend.call(c -> c.members(id)), error, notice, problemDraft,
                nameDraft, backend.call(c -> c.uploadReports(id))));
    }

    /**
     * Forwards an upload to the backend; the page then shows the job's progress. A file the backend cannot take is
     * the page's bad request, whatever the API's reason (type, size, order of the steps).
     */
    @POST
    @Path("tasks/{id}/upload/{kind}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@PathParam("id") String id, @PathParam("kind") String kind,
            @RestForm("file") FileUpload file) {
        if (!List.of("problems", "answer-key", "submissions").contains(kind)) {
            return Response.status(404).build();
        }
        if (file == null || file.uploadedFile() == null || file.fileName() == null || file.fileName().isBlank()) {
            return Response.status(400).entity(taskPage(id, lang.msg().chooseFile())).build();
        }
        forms.run(c -> c.upload(id, kind, file), error -> taskPage(id, error), status -> status == 404 ? 404 : 400);
        return Session.redirect("/tasks/" + id + "#progress");
    }

    /** The teacher has read an upload's report. */
    @POST
    @Path("tasks/{id}/upload-reports/{jobId}/dismiss")
    public Response dismissUploadReport(@PathParam("id") String id, @PathParam("jobId") String jobId) {
        backend.run(c -> c.dismissUploadReport(id, jobId));
        return Session.redirect("/tasks/" + id);
    }

    @POST
    @Path("tasks/{id}/grade")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response grade(@PathParam("id") String id, @FormParam("force") String force) {
        forms.call(c -> c.grade(id, new GradingRequest(null, "on".equals(force))), error -> taskPage(id, error));
        return Session.redirect("/tasks/" + id + "#progress");
    }

    /**
     * The language of every comment to the students; the task is regraded so that the comments already written follow
     * it (teachers' overrides stay).
     */
    @POST
    @Path("tasks/{id}/comment-language")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response commentLanguage(@PathParam("id") String id, @FormParam("language") String language) {
        TaskSettings settings = new TaskSettings(null, null, null, language == null ? "" : language.strip());
        forms.call(c -> c.updateTask(id, new TaskUpdate(null, settings)), error -> taskPage(id, error));
        try {
            backend.call(c -> c.grade(id, new GradingRequest(null, true)));
        } catch (BackendException e) {
            if (!"nothing_to_grade".equals(e.code())) {
                throw new FormFailure(e.status(), taskPage(id, lang.text(e.text())), e);
            }
            // Nothing graded yet: the setting applies to the first run.
        }
        return Session.redirect("/tasks/" + id + "#progress");
    }

    /** Pause, resume or cancel a job, then back to its task. */
    @POST
    @Path("tasks/{id}/jobs/{jobId}/{action}")
    public Response jobAction(@PathParam("id") String id, @PathParam("jobId") String jobId,
            @PathParam("action") String action) {
        if (!List.of("pause", "resume", "cancel").contains(action)) {
            return Response.status(404).build();
        }
        try {
            backend.call(c -> c.jobAction(jobId, action));
        } catch (BackendException e) {
            // 409: the job ended (or changed state) since the page was drawn; the task page shows how it stands.
            if (e.status() != 409) {
                throw e;
            }
        }
        return Session.redirect("/tasks/" + id + "#progress");
    }

    /** What the progress bar shows of a job, its warnings in the page's language. */
    public record JobProgress(JobStatus status, int done, int total, String current, List<String> warnings) {
    }

    /** The job as JSON, for the progress bar's polling (same origin, so it works in split mode too). */
    @GET
    @Path("jobs/{jobId}.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response jobJson(@PathParam("jobId") String jobId) {
        JobView job = backend.call(c -> c.job(jobId));
        return Response.ok(new JobProgress(job.status(), job.done(), job.total(),
                job.currentText() == null ? null : lang.text(job.currentText()),
                job.warningTexts().stream().map(lang::text).toList())).build();
    }

    @GET
    @Path("tasks/{id}/grades.csv")
    @Produces("text/csv")
    public Response csv(@PathParam("id") String id) {
        byte[] csv = backend.call(c -> c.gradesCsv(id));
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"grades-" + id + ".csv\"").build();
    }

    @GET
    @Path("tasks/{id}/students/{studentId}")
    public Response student(@PathParam("id") String id, @PathParam("studentId") String studentId) {
        return Response.ok(studentPage(id, studentId, null)).build();
    }

    TemplateInstance studentPage(String id, String studentId, String error) {
        return studentPage(id, studentId, error, null);
    }

    TemplateInstance studentPage(String id, String studentId, String error, Draft draft) {
        AccountView user = backend.call(c -> c.me());
        TaskDetail task = backend.call(c -> c.task(id));
        StudentView student = backend.call(c -> c.student(id, studentId));
        List<ProblemView> problems = backend.call(c -> c.problems(id));
        List<GradeView> grades = backend.call(c -> c.grades(id, studentId, null, null));
        List<String> ids = backend.call(c -> c.students(id, "brief")).stream().map(StudentView::id).toList();
        int at = ids.indexOf(studentId);
        List<Answered> answers = new ArrayList<>();
        for (ProblemView p : problems) {
            AnswerView a = student.answers().stream().filter(x -> x.problemId().equals(p.id())).findFirst()
                    .orElse(new AnswerView(p.id(), "", List.of()));
            GradeView g = grades.stream().filter(x -> x.studentId().equals(studentId) && x.problemId().equals(p.id()))
                    .findFirst().orElse(null);
            answers.add(new Answered(p, a, g, draft != null && draft.problemId().equals(p.id()) ? draft : null));
        }
        return Templates.student(new StudentPage(user, task, student, answers, at > 0 ? ids.get(at - 1) : null,
                at >= 0 && at + 1 < ids.size() ? ids.get(at + 1) : null, error));
    }

    /** The teacher's score and comment for one answer; the total follows. */
    @POST
    @Path("tasks/{id}/students/{studentId}/{problemId}/override")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response override(@PathParam("id") String id, @PathParam("studentId") String studentId,
            @PathParam("problemId") String problemId, @FormParam("score") String score,
            @FormParam("comment") String comment) {
        Double value;
        try {
            value = score == null || score.isBlank() ? null : Double.valueOf(score.strip());
        } catch (NumberFormatException e) {
            return Response.status(400).entity(studentPage(id, studentId, lang.msg().notANumber("score", score),
                    new Draft(problemId, score, comment, null))).build();
        }
        forms.call(c -> c.override(id, studentId, problemId, new OverrideRequest(value, comment)),
                error -> studentPage(id, studentId, error, new Draft(problemId, score, comment, null)));
        return Session.redirect(studentUrl(id, studentId) + "#" + problemId);
    }

    /** The inline problem editor of the set-up step; the problem's grades turn stale in the backend. */
    @POST
    @Path("tasks/{id}/problems/{problemId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response editProblem(@PathParam("id") String id, @PathParam("problemId") String problemId,
            @FormParam("type") String type, @FormParam("maxScore") String maxScore, @FormParam("stem") String stem,
            @FormParam("referenceAnswer") String referenceAnswer, @FormParam("correctChoices") String correctChoices,
            @FormParam("rubric") String rubric, @FormParam("testCases") String testCases) {
        ProblemForm.Fields typed = new ProblemForm.Fields(problemId, type, maxScore, stem, referenceAnswer,
                correctChoices, rubric, testCases, true);
        ProblemUpdate update;
        try {
            update = ProblemForm.parse(lang.msg(), type, maxScore, stem, referenceAnswer, correctChoices, rubric,
                    testCases);
        } catch (IllegalArgumentException e) {
            return Response.status(400).entity(taskPage(id, problemId + " · " + e.getMessage(), Results.Query.none(),
                    null, typed, null)).build();
        }
        forms.call(c -> c.updateProblem(id, problemId, update),
                error -> taskPage(id, problemId + " · " + error, Results.Query.none(), null, typed, null));
        // Back on the task's own URL (this one is the problem's deep dive), at the problem saved.
        return Session.redirect("/tasks/" + id + "?saved=" + URLEncoder.encode(problemId, StandardCharsets.UTF_8)
                + "#problem-" + problemId);
    }

    /** Fixes an answer the segmenter or the file got wrong; its grade turns stale. */
    @POST
    @Path("tasks/{id}/students/{studentId}/answers/{problemId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response editAnswer(@PathParam("id") String id, @PathParam("studentId") String studentId,
            @PathParam("problemId") String problemId, @FormParam("text") String text) {
        AnswerUpdate update = new AnswerUpdate(text == null ? "" : text.replace("\r\n", "\n"));
        forms.run(c -> c.updateAnswer(id, studentId, problemId, update),
                error -> studentPage(id, studentId, error, new Draft(problemId, null, null, update.text())));
        return Session.redirect(studentUrl(id, studentId) + "#" + problemId);
    }

    /** Fixes a student's id or name, e.g. after an identity conflict; the page follows the new id. */
    @POST
    @Path("tasks/{id}/students/{studentId}/identity")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response editIdentity(@PathParam("id") String id, @PathParam("studentId") String studentId,
            @FormParam("id") String newId, @FormParam("name") String name) {
        String target = newId == null || newId.isBlank() ? studentId : newId.strip();
        forms.call(c -> c.updateStudent(id, studentId, new StudentUpdate(target, name == null ? null : name.strip())),
                error -> studentPage(id, studentId, error));
        return Session.redirect(studentUrl(id, target));
    }

    /** The task's AI panel: which of the teacher's providers judges, and how many samples each expert gives. */
    @POST
    @Path("tasks/{id}/panel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response panel(@PathParam("id") String id, @FormParam("judge") String judge,
            @FormParam("samples") Integer samples) {
        TaskSettings settings = new TaskSettings(null, judge == null ? "" : judge, samples);
        forms.call(c -> c.updateTask(id, new TaskUpdate(null, settings)), error -> taskPage(id, error));
        return Session.redirect("/tasks/" + id + "#panel");
    }

    /** The owner invites a co-teacher or TA by username. */
    @POST
    @Path("tasks/{id}/members")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addMember(@PathParam("id") String id, @FormParam("username") String username) {
        MemberAdd add = new MemberAdd(username == null ? "" : username.strip());
        forms.call(c -> c.addMember(id, add), error -> taskPage(id, error));
        return Session.redirect("/tasks/" + id + "#members");
    }

    @POST
    @Path("tasks/{id}/invitations/{username}/withdraw")
    public Response withdrawInvitation(@PathParam("id") String id, @PathParam("username") String username) {
        backend.run(c -> c.withdrawInvitation(id, username));
        return Session.redirect("/tasks/" + id + "#members");
    }

    /** The invitee joins the task (it then appears in their list), or declines. */
    @POST
    @Path("invitations/{id}/accept")
    public Response acceptInvitation(@PathParam("id") String id) {
        backend.run(c -> c.acceptInvitation(id));
        return Session.redirect("/tasks/" + id);
    }

    @POST
    @Path("invitations/{id}/decline")
    public Response declineInvitation(@PathParam("id") String id) {
        backend.run(c -> c.declineInvitation(id));
        return Session.redirect("/");
    }

    @POST
    @Path("tasks/{id}/members/{accountId}/remove")
    public Response removeMember(@PathParam("id") String id, @PathParam("accountId") String accountId) {
        forms.run(c -> c.removeMember(id, accountId), error -> taskPage(id, error));
        return Session.redirect("/tasks/" + id + "#members");
    }

    @POST
    @Path("tasks/{id}/rename")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rename(@PathParam("id") String id, @FormParam("name") String name) {
        forms.call(c -> c.updateTask(id, new TaskUpdate(name, null)),
                error -> taskPage(id, error, Results.Query.none(), null, null, name));
        return Session.redirect("/tasks/" + id);
    }

    /** A form over the server's size limits: a page that says so (see {@link TooLarge}), never a bare 413. */
    @ServerExceptionMapper
    public Response formTooLarge(WebApplicationException e, HttpHeaders headers) {
        return TooLarge.page(e, headers, lang.msg());
    }

    private TemplateInstance dashboardPage(String newName, String error) {
        AccountView user = backend.call(c -> c.me());
        List<TaskSummary> tasks = backend.call(c -> c.tasks());
        return Templates.dashboard(new DashboardPage(user, tasks, backend.call(c -> c.invitations()), newName, error));
    }

    private static String studentUrl(String taskId, String studentId) {
        return "/tasks/" + taskId + "/students/" + URLEncoder.encode(studentId, StandardCharsets.UTF_8)
                .replace("+", "%20");
    }
}
