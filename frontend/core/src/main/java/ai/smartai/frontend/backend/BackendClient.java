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
import ai.smartai.model.account.LoginRequest;
import ai.smartai.model.account.LoginResponse;
import ai.smartai.model.account.RegisterRequest;
import ai.smartai.model.account.PasswordChange;
import ai.smartai.model.account.ServerSettings;
import ai.smartai.model.account.UserUpdate;
import ai.smartai.model.account.UserView;
import ai.smartai.model.analytics.Analytics;
import ai.smartai.model.analytics.MistakeSummary;
import ai.smartai.model.analytics.ProblemDeepDive;
import ai.smartai.model.grade.GradeView;
import ai.smartai.model.grade.GradingRequest;
import ai.smartai.model.grade.OverrideRequest;
import ai.smartai.model.job.JobAccepted;
import ai.smartai.model.job.JobView;
import ai.smartai.model.problem.ProblemUpdate;
import ai.smartai.model.problem.ProblemView;
import ai.smartai.model.provider.ProviderRequest;
import ai.smartai.model.provider.ProviderTestResult;
import ai.smartai.model.provider.ProviderUpdate;
import ai.smartai.model.provider.ProviderView;
import ai.smartai.model.student.AnswerUpdate;
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

/** The backend's REST API as the UI uses it; {@code auth} is {@code "Bearer <token>"}. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface BackendClient {

    @GET
    @Path("/auth/status")
    AuthStatus authStatus();

    @POST
    @Path("/auth/register")
    AccountView register(RegisterRequest request, @HeaderParam("Authorization") String auth);

    @POST
    @Path("/auth/login")
    LoginResponse login(LoginRequest request, @HeaderParam("X-Forwarded-For") String forwardedFor);

    @POST
    @Path("/auth/logout")
    void logout(@HeaderParam("Authorization") String auth);

    @GET
    @Path("/auth/me")
    AccountView me(@HeaderParam("Authorization") String auth);

    @GET
    @Path("/tasks")
    List<TaskSummary> tasks(@HeaderParam("Authorization") String auth);

    @POST
    @Path("/tasks")
    TaskCreated createTask(TaskCreate request, @HeaderParam("Authorization") String auth);

    @GET
    @Path("/tasks/{id}")
    TaskDetail task(@PathParam("id") String id, @HeaderParam("Authorization") String auth);

    @PUT
    @Path("/tasks/{id}")
    TaskDetail updateTask(@PathParam("id") String id, TaskUpdate update, @HeaderParam("Authorization") String auth);

    /** Uploads one file (part "file"); {@code kind} is problems, answer-key or submissions. */
    @POST
    @Path("/tasks/{id}/{kind}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    JobAccepted upload(@PathParam("id") String id, @PathParam("kind") String kind,
            @org.jboss.resteasy.reactive.RestForm("file") org.jboss.resteasy.reactive.multipart.FileUpload file,
            @HeaderParam("Authorization") String auth);

    @GET
    @Path("/jobs/{jobId}")
    JobView job(@PathParam("jobId") String jobId, @HeaderParam("Authorization") String auth);

    @POST
    @Path("/jobs/{jobId}/{action}")
    JobView jobAction(@PathParam("jobId") String jobId, @PathParam("action") String action,
            @HeaderParam("Authorization") String auth);

    @GET
    @Path("/tasks/{id}/problems")
    List<ProblemView> problems(@PathParam("id") String id, @HeaderParam("Authorization") String auth);

    @GET
    @Path("/tasks/{id}/students")
    List<StudentView> students(@PathParam("id") String id, @QueryParam("view") String view,
            @HeaderParam("Authorization") String auth);

    @GET
    @Path("/tasks/{id}/students/{studentId}")
    StudentView student(@PathParam("id") String id, @PathParam("studentId") String studentId,
            @HeaderParam("Authorization") String auth);

    @POST
    @Path("/tasks/{id}/grading")
    JobAccepted grade(@PathParam("id") String id, GradingRequest request, @HeaderParam("Authorization") String auth);

    /** Grades, optionally of one student or problem; {@code view=brief} leaves out evidence and expert votes. */
    @GET
    @Path("/tasks/{id}/grades")
    List<GradeView> grades(@PathParam("id") String id, @QueryParam("studentId") String studentId,
            @QueryParam("problemId") String problemId, @QueryParam("view") String view,
            @HeaderParam("Authorization") String auth);

    @PUT
    @Path("/tasks/{id}/grades/{studentId}/{problemId}")
    GradeView override(@PathParam("id") String id, @PathParam("studentId") String studentId,
            @PathParam("problemId") String problemId, OverrideRequest request,
            @HeaderParam("Authorization") String auth);

    @GET
    @Path("/tasks/{id}/grades.csv")
    @Produces("text/csv")
    byte[] gradesCsv(@PathParam("id") String id, @HeaderParam("Authorization") String auth);

    @GET
    @Path("/tasks/{id}/analytics")
    Analytics analytics(@PathParam("id") String id, @HeaderParam("Authorization") String auth);

    @PUT
    @Path("/tasks/{id}/problems/{problemId}")
    ProblemView updateProblem(@PathParam("id") String id, @PathParam("problemId") String problemId,
            ProblemUpdate update, @HeaderParam("Authorization") String auth);

    @PUT
    @Path("/tasks/{id}/students/{studentId}")
    StudentView updateStudent(@PathParam("id") String id, @PathParam("studentId") String studentId,
            StudentUpdate update, @HeaderParam("Authorization") String auth);

    @PUT
    @Path("/tasks/{id}/students/{studentId}/answers/{problemId}")
    void updateAnswer(@PathParam("id") String id, @PathParam("studentId") String studentId,
            @PathParam("problemId") String problemId, AnswerUpdate update, @HeaderParam("Authorization") String auth);

    @GET
    @Path("/tasks/{id}/analytics/problems/{problemId}")
    ProblemDeepDive problemDive(@PathParam("id") String id, @PathParam("problemId") String problemId,
            @HeaderParam("Authorization") String auth);

    @GET
    @Path("/providers")
    List<ProviderView> providers(@HeaderParam("Authorization") String auth);

    @POST
    @Path("/providers")
    ProviderView addProvider(ProviderRequest request, @HeaderParam("Authorization") String auth);

    @PUT
    @Path("/providers/{providerId}")
    ProviderView updateProvider(@PathParam("providerId") String id, ProviderUpdate update,
            @HeaderParam("Authorization") String auth);

    @DELETE
    @Path("/providers/{providerId}")
    void deleteProvider(@PathParam("providerId") String id, @HeaderParam("Authorization") String auth);

    @POST
    @Path("/providers/{providerId}/test")
    ProviderTestResult testProvider(@PathParam("providerId") String id, @HeaderParam("Authorization") String auth);

    @POST
    @Path("/tasks/{id}/analytics/problems/{problemId}/summary")
    MistakeSummary mistakeSummary(@PathParam("id") String id, @PathParam("problemId") String problemId,
            @HeaderParam("Authorization") String auth);

    @POST
    @Path("/auth/password")
    void changePassword(PasswordChange change, @HeaderParam("Authorization") String auth);

    @PUT
    @Path("/users/{userId}")
    UserView updateUser(@PathParam("userId") String id, UserUpdate update, @HeaderParam("Authorization") String auth);

    @GET
    @Path("/tasks/{id}/members")
    List<TaskMemberView> members(@PathParam("id") String id, @HeaderParam("Authorization") String auth);

    @POST
    @Path("/tasks/{id}/members")
    List<TaskMemberView> addMember(@PathParam("id") String id, MemberAdd add, @HeaderParam("Authorization") String auth);

    @DELETE
    @Path("/tasks/{id}/members/{accountId}")
    void removeMember(@PathParam("id") String id, @PathParam("accountId") String accountId,
            @HeaderParam("Authorization") String auth);

    @DELETE
    @Path("/tasks/{id}/members/invitations/{username}")
    void withdrawInvitation(@PathParam("id") String id, @PathParam("username") String username,
            @HeaderParam("Authorization") String auth);

    @GET
    @Path("/invitations")
    List<TaskInvitation> invitations(@HeaderParam("Authorization") String auth);

    @POST
    @Path("/invitations/{id}/accept")
    void acceptInvitation(@PathParam("id") String taskId, @HeaderParam("Authorization") String auth);

    @POST
    @Path("/invitations/{id}/decline")
    void declineInvitation(@PathParam("id") String taskId, @HeaderParam("Authorization") String auth);

    @GET
    @Path("/settings")
    ServerSettings serverSettings(@HeaderParam("Authorization") String auth);

    @PUT
    @Path("/settings")
    ServerSettings updateServerSettings(ServerSettings settings, @HeaderParam("Authorization") String auth);

    @GET
    @Path("/users")
    List<UserView> users(@HeaderParam("Authorization") String auth);

    @GET
    @Path("/tasks/{id}/review")
    List<GradeView> review(@PathParam("id") String id, @QueryParam("view") String view,
            @HeaderParam("Authorization") String auth);
}
