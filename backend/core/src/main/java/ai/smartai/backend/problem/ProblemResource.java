package ai.smartai.backend.problem;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import ai.smartai.backend.account.CurrentUser;
import ai.smartai.model.problem.ProblemUpdate;
import ai.smartai.model.problem.ProblemView;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/tasks/{id}/problems")
@Authenticated
public class ProblemResource {

    @Inject
    ProblemService problems;

    @Inject
    SecurityIdentity identity;

    @GET
    public List<ProblemView> list(@PathParam("id") String taskId) {
        return problems.list(CurrentUser.require(identity), taskId);
    }

    @PUT
    @Path("/{problemId}")
    public ProblemView update(@PathParam("id") String taskId, @PathParam("problemId") String problemId,
            @Valid @NotNull ProblemUpdate update) {
        return problems.update(CurrentUser.require(identity), taskId, problemId, update);
    }
}
