package ai.smartai.backend.grading;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import ai.smartai.backend.account.CurrentUser;
import ai.smartai.model.grade.GradeView;
import ai.smartai.model.grade.GradingRequest;
import ai.smartai.model.grade.OverrideRequest;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/tasks/{id}")
@Authenticated
public class GradeResource {

    @Inject
    GradingService grading;

    @Inject
    SecurityIdentity identity;

    @POST
    @Path("/grading")
    public Response grade(@PathParam("id") String taskId, @Valid GradingRequest request) {
        var accepted = grading.start(CurrentUser.require(identity), taskId,
                request == null ? new GradingRequest(null, null) : request);
        return Response.accepted(accepted).build();
    }

    @GET
    @Path("/grades")
    public List<GradeView> grades(@PathParam("id") String taskId, @QueryParam("studentId") String studentId,
            @QueryParam("problemId") String problemId, @QueryParam("view") String view) {
        return grading.list(CurrentUser.require(identity), taskId, studentId, problemId, "brief".equals(view));
    }

    @GET
    @Path("/review")
    public List<GradeView> reviewQueue(@PathParam("id") String taskId, @QueryParam("view") String view) {
        List<GradeView> queue = grading.reviewQueue(CurrentUser.require(identity), taskId);
        return "brief".equals(view) ? queue.stream().map(GradeViews::brief).toList() : queue;
    }

    @PUT
    @Path("/grades/{studentId}/{problemId}")
    public GradeView override(@PathParam("id") String taskId, @PathParam("studentId") String studentId,
            @PathParam("problemId") String problemId, @Valid @NotNull OverrideRequest request) {
        return grading.override(CurrentUser.require(identity), taskId, studentId, problemId, request);
    }

    @GET
    @Path("/grades.csv")
    @Produces("text/csv; charset=UTF-8")
    public Response csv(@PathParam("id") String taskId) {
        return Response.ok(grading.csv(CurrentUser.require(identity), taskId))
                .header("Content-Disposition", "attachment; filename=\"grades-" + taskId + ".csv\"").build();
    }
}
