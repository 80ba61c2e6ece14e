package ai.smartai.backend.grading;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import ai.smartai.backend.account.CurrentUser;
import ai.smartai.model.grade.GradingRequest;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/** Starting a grading run; the grades themselves are the gradebook's. */
@Path("/api/tasks/{id}")
@Authenticated
public class GradingResource {

    @Inject
    GradingRunService grading;

    @Inject
    SecurityIdentity identity;

    @POST
    @Path("/grading")
    public Response grade(@PathParam("id") String taskId, @Valid GradingRequest request) {
        var accepted = grading.start(CurrentUser.require(identity), taskId,
                request == null ? new GradingRequest(null, null) : request);
        return Response.accepted(accepted).build();
    }
}
