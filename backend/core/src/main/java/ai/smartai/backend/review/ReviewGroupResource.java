package ai.smartai.backend.review;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import ai.smartai.backend.account.CurrentUser;
import ai.smartai.model.grade.GradeView;
import ai.smartai.model.grade.GroupDecision;
import ai.smartai.model.grade.ReviewGroup;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/** The review workbench's groups of one problem, and the teacher's decision for a whole group. */
@Path("/api/tasks/{id}/problems/{problemId}/groups")
@Authenticated
public class ReviewGroupResource {

    @Inject
    ReviewGroupService groups;

    @Inject
    SecurityIdentity identity;

    @GET
    public List<ReviewGroup> groups(@PathParam("id") String taskId, @PathParam("problemId") String problemId) {
        return groups.groups(CurrentUser.require(identity), taskId, problemId);
    }

    @POST
    @Path("/{groupId}/decision")
    public List<GradeView> decide(@PathParam("id") String taskId, @PathParam("problemId") String problemId,
            @PathParam("groupId") String groupId, @Valid @NotNull GroupDecision decision) {
        return groups.decide(CurrentUser.require(identity), taskId, problemId, groupId, decision);
    }
}
