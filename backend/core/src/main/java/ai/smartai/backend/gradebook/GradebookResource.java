package ai.smartai.backend.gradebook;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import ai.smartai.backend.account.CurrentUser;
import ai.smartai.model.grade.GradeView;
import ai.smartai.model.grade.Gradebook;
import ai.smartai.model.grade.OverrideRequest;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/tasks/{id}")
@Authenticated
public class GradebookResource {

    @Inject
    GradebookService gradebook;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/gradebook")
    public Gradebook gradebook(@PathParam("id") String taskId) {
        return gradebook.gradebook(CurrentUser.require(identity), taskId);
    }

    @GET
    @Path("/grades")
    public List<GradeView> grades(@PathParam("id") String taskId, @QueryParam("studentId") String studentId,
            @QueryParam("problemId") String problemId, @QueryParam("view") String view) {
        return gradebook.list(CurrentUser.require(identity), taskId, studentId, problemId, "brief".equals(view));
    }

    @GET
    @Path("/review")
    public List<GradeView> reviewQueue(@PathParam("id") String taskId, @QueryParam("view") String view) {
        List<GradeView> queue = gradebook.reviewQueue(CurrentUser.require(identity), taskId);
        return "brief".equals(view) ? queue.stream().map(GradeViews::brief).toList() : queue;
    }

    @PUT
    @Path("/grades/{studentId}/{problemId}")
    public GradeView override(@PathParam("id") String taskId, @PathParam("studentId") String studentId,
            @PathParam("problemId") String problemId, @Valid @NotNull OverrideRequest request) {
        return gradebook.override(CurrentUser.require(identity), taskId, studentId, problemId, request);
    }

    @GET
    @Path("/grades.csv")
    @Produces("text/csv; charset=UTF-8")
    public Response csv(@PathParam("id") String taskId) {
        return Response.ok(gradebook.csv(CurrentUser.require(identity), taskId))
                .header("Content-Disposition", "attachment; filename=\"grades-" + taskId + ".csv\"").build();
    }
}
