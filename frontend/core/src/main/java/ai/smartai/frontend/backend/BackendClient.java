package ai.smartai.frontend.backend;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import ai.smartai.model.account.AccountView;
import ai.smartai.model.account.AuthStatus;
import ai.smartai.model.account.BackupView;
import ai.smartai.model.account.LoginRequest;
import ai.smartai.model.account.LoginResponse;
import ai.smartai.model.account.PasswordChange;
import ai.smartai.model.account.RegisterRequest;
import ai.smartai.model.account.ServerSettings;
import ai.smartai.model.account.UserUpdate;
import ai.smartai.model.account.UserView;
import ai.smartai.model.analytics.Analytics;
import ai.smartai.model.analytics.MistakeSummary;
import ai.smartai.model.analytics.ProblemDeepDive;
import ai.smartai.model.grade.GradeView;
import ai.smartai.model.grade.Gradebook;
import ai.smartai.model.grade.GradingRequest;
import ai.smartai.model.grade.GroupDecision;
import ai.smartai.model.grade.OverrideRequest;
import ai.smartai.model.grade.ReviewGroup;
import ai.smartai.model.job.JobAccepted;
import ai.smartai.model.job.JobView;
import ai.smartai.model.problem.ProblemUpdate;
import ai.smartai.model.problem.ProblemView;
import ai.smartai.model.provider.ProviderRequest;
import ai.smartai.model.provider.ProviderTestResult;
import ai.smartai.model.provider.ProviderUpdate;
import ai.smartai.model.provider.ProviderView;
import ai.smartai.model.report.ClassAnswer;
import ai.smartai.model.report.ClassQuestion;
import ai.smartai.model.report.ReleaseAccessView;
import ai.smartai.model.report.ReleaseLink;
import ai.smartai.model.report.ReleaseRequest;
import ai.smartai.model.student.AnswerUpdate;
import ai.smartai.model.student.RosterReport;
import ai.smartai.model.student.StudentUpdate;
import ai.smartai.model.student.StudentView;
import ai.smartai.model.task.MemberAdd;
import ai.smartai.model.task.TaskCreate;
import ai.smartai.model.task.TaskCreated;
import ai.smartai.model.task.TaskDetail;
import ai.smartai.model.task.TaskInvitation;
import ai.smartai.model.task.TaskMemberView;
import ai.smartai.model.task.TaskSummary;
import ai.smartai.model.task.TaskUpdate;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The backend's REST API as the UI uses it; the page's session travels in a header ({@code SessionHeaders}). */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface BackendClient {

    @GET
    @Path("/auth/status")
    AuthStatus authStatus();

    @POST
    @Path("/auth/register")
    AccountView register(RegisterRequest request);

    @POST
    @Path("/auth/login")
    LoginResponse login(LoginRequest request, @HeaderParam("X-Forwarded-For") String forwardedFor);

    @POST
    @Path("/auth/logout")
    void logout();

    @GET
    @Path("/auth/me")
    AccountView me();

    @GET
    @Path("/tasks")
    List<TaskSummary> tasks();

    @POST
    @Path("/tasks")
    TaskCreated createTask(TaskCreate request);

    @GET
    @Path("/tasks/{id}")
    TaskDetail task(@PathParam("id") String id);

    @PUT
    @Path("/tasks/{id}")
    TaskDetail updateTask(@PathParam("id") String id, TaskUpdate update);

    /** Uploads one file (part "file"); {@code kind} is problems, answer-key or submissions. */
    @POST
    @Path("/tasks/{id}/{kind}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    JobAccepted upload(@PathParam("id") String id, @PathParam("kind") String kind, @RestForm("file") FileUpload file);

    @GET
    @Path("/jobs/{jobId}")
    JobView job(@PathParam("jobId") String jobId);

    /** Ended uploads that failed or read with warnings, until dismissed. */
    @GET
    @Path("/tasks/{id}/upload-reports")
    List<JobView> uploadReports(@PathParam("id") String id);

    @POST
    @Path("/tasks/{id}/upload-reports/{jobId}/dismiss")
    void dismissUploadReport(@PathParam("id") String id, @PathParam("jobId") String jobId);

    @POST
    @Path("/jobs/{jobId}/{action}")
    JobView jobAction(@PathParam("jobId") String jobId, @PathParam("action") String action);

    @GET
    @Path("/tasks/{id}/problems")
    List<ProblemView> problems(@PathParam("id") String id);

    @GET
    @Path("/tasks/{id}/students")
    List<StudentView> students(@PathParam("id") String id, @QueryParam("view") String view);

    /** Every student with only their answer to one problem. */
    @GET
    @Path("/tasks/{id}/students")
    List<StudentView> studentsFor(@PathParam("id") String id, @QueryParam("problemId") String problemId);

    @GET
    @Path("/tasks/{id}/students/{studentId}")
    StudentView student(@PathParam("id") String id, @PathParam("studentId") String studentId);

    @POST
    @Path("/tasks/{id}/grading")
    JobAccepted grade(@PathParam("id") String id, GradingRequest request);

    /** Grades, optionally of one student or problem; {@code view=brief} leaves out evidence and expert votes. */
    @GET
    @Path("/tasks/{id}/grades")
    List<GradeView> grades(@PathParam("id") String id, @QueryParam("studentId") String studentId,
            @QueryParam("problemId") String problemId, @QueryParam("view") String view);

    @PUT
    @Path("/tasks/{id}/grades/{studentId}/{problemId}")
    GradeView override(@PathParam("id") String id, @PathParam("studentId") String studentId,
            @PathParam("problemId") String problemId, OverrideRequest request);

    /** One problem across the class in groups that can be decided at once, largest first. */
    @GET
    @Path("/tasks/{id}/problems/{problemId}/groups")
    List<ReviewGroup> reviewGroups(@PathParam("id") String id, @PathParam("problemId") String problemId);

    @POST
    @Path("/tasks/{id}/problems/{problemId}/groups/{groupId}/decision")
    List<GradeView> decideGroup(@PathParam("id") String id, @PathParam("problemId") String problemId,
            @PathParam("groupId") String groupId, GroupDecision decision);

    /** The one per-student read model (totals, what awaits the teacher, the task's pass threshold). */
    @GET
    @Path("/tasks/{id}/gradebook")
    Gradebook gradebook(@PathParam("id") String id);

    @GET
    @Path("/tasks/{id}/grades.csv")
    @Produces("text/csv")
    byte[] gradesCsv(@PathParam("id") String id);

    /** An export of the gradebook: grades.xlsx, moodle.csv or canvas.csv. */
    @GET
    @Path("/tasks/{id}/exports/{file}")
    @Produces(MediaType.WILDCARD)
    byte[] export(@PathParam("id") String id, @PathParam("file") String file);

    /** The class report or the zip of every student's: class.pdf or students.zip. */
    @GET
    @Path("/tasks/{id}/reports/{file}")
    @Produces(MediaType.WILDCARD)
    byte[] report(@PathParam("id") String id, @PathParam("file") String file);

    @GET
    @Path("/tasks/{id}/reports/students/{studentId}.pdf")
    @Produces("application/pdf")
    byte[] studentReport(@PathParam("id") String id, @PathParam("studentId") String studentId);

    @POST
    @Path("/tasks/{id}/questions")
    ClassAnswer ask(@PathParam("id") String id, ClassQuestion question);

    @GET
    @Path("/tasks/{id}/analytics")
    Analytics analytics(@PathParam("id") String id);

    @PUT
    @Path("/tasks/{id}/problems/{problemId}")
    ProblemView updateProblem(@PathParam("id") String id, @PathParam("problemId") String problemId,
            ProblemUpdate update);

    @PUT
    @Path("/tasks/{id}/students/{studentId}")
    StudentView updateStudent(@PathParam("id") String id, @PathParam("studentId") String studentId,
            StudentUpdate update);

    @PUT
    @Path("/tasks/{id}/students/{studentId}/answers/{problemId}")
    void updateAnswer(@PathParam("id") String id, @PathParam("studentId") String studentId,
            @PathParam("problemId") String problemId, AnswerUpdate update);

    @GET
    @Path("/tasks/{id}/analytics/problems/{problemId}")
    ProblemDeepDive problemDive(@PathParam("id") String id, @PathParam("problemId") String problemId);

    @GET
    @Path("/providers")
    List<ProviderView> providers();

    @POST
    @Path("/providers")
    ProviderView addProvider(ProviderRequest request);

    @PUT
    @Path("/providers/{providerId}")
    ProviderView updateProvider(@PathParam("providerId") String id, ProviderUpdate update);

    @DELETE
    @Path("/providers/{providerId}")
    void deleteProvider(@PathParam("providerId") String id);

    @POST
    @Path("/providers/{providerId}/test")
    ProviderTestResult testProvider(@PathParam("providerId") String id);

    @POST
    @Path("/tasks/{id}/analytics/problems/{problemId}/summary")
    MistakeSummary mistakeSummary(@PathParam("id") String id, @PathParam("problemId") String problemId);

    @POST
    @Path("/auth/password")
    void changePassword(PasswordChange change);

    @PUT
    @Path("/users/{userId}")
    UserView updateUser(@PathParam("userId") String id, UserUpdate update);

    @GET
    @Path("/tasks/{id}/members")
    List<TaskMemberView> members(@PathParam("id") String id);

    @POST
    @Path("/tasks/{id}/members")
    List<TaskMemberView> addMember(@PathParam("id") String id, MemberAdd add);

    @DELETE
    @Path("/tasks/{id}/members/{accountId}")
    void removeMember(@PathParam("id") String id, @PathParam("accountId") String accountId);

    @DELETE
    @Path("/tasks/{id}/members/invitations/{username}")
    void withdrawInvitation(@PathParam("id") String id, @PathParam("username") String username);

    @GET
    @Path("/invitations")
    List<TaskInvitation> invitations();

    @POST
    @Path("/invitations/{id}/accept")
    void acceptInvitation(@PathParam("id") String taskId);

    @POST
    @Path("/invitations/{id}/decline")
    void declineInvitation(@PathParam("id") String taskId);

    @GET
    @Path("/settings")
    ServerSettings serverSettings();

    @PUT
    @Path("/settings")
    ServerSettings updateServerSettings(ServerSettings settings);

    @POST
    @Path("/admin/backup")
    BackupView backUp();

    @GET
    @Path("/users")
    List<UserView> users();

    @GET
    @Path("/tasks/{id}/review")
    List<GradeView> review(@PathParam("id") String id, @QueryParam("view") String view);

    /** Replaces the task's roster (part "file": CSV or XLSX) and answers it matched against the submissions. */
    @PUT
    @Path("/tasks/{id}/roster")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    RosterReport uploadRoster(@PathParam("id") String id, @RestForm("file") FileUpload file);

    @GET
    @Path("/tasks/{id}/roster")
    RosterReport roster(@PathParam("id") String id);

    /** New release links; each {@code url} is shown this once. */
    @POST
    @Path("/tasks/{id}/releases")
    List<ReleaseLink> release(@PathParam("id") String id, ReleaseRequest request);

    @GET
    @Path("/tasks/{id}/releases")
    List<ReleaseLink> releases(@PathParam("id") String id);

    @GET
    @Path("/tasks/{id}/releases/{studentId}/accesses")
    List<ReleaseAccessView> releaseAccesses(@PathParam("id") String id, @PathParam("studentId") String studentId);

    @DELETE
    @Path("/tasks/{id}/releases/{studentId}")
    void revokeRelease(@PathParam("id") String id, @PathParam("studentId") String studentId);
}
