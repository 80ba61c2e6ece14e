package ai.smartai.backend.task;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import ai.smartai.backend.account.CurrentUser;
import ai.smartai.model.task.MemberAdd;
import ai.smartai.model.task.TaskMemberView;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/** Who works on a task: the owner invites co-teachers and TAs, who see and grade it once they accept. */
@Path("/api/tasks/{id}/members")
@Authenticated
public class TaskMemberResource {

    @Inject
    SharingService sharing;

    @Inject
    SecurityIdentity identity;

    @GET
    public List<TaskMemberView> list(@PathParam("id") String id) {
        return sharing.members(CurrentUser.require(identity), id);
    }

    /** Invites a user name; the invitee becomes a member by accepting (see /api/invitations). */
    @POST
    public List<TaskMemberView> add(@PathParam("id") String id, @Valid @NotNull MemberAdd add) {
        return sharing.invite(CurrentUser.require(identity), id, add.username());
    }

    @DELETE
    @Path("/{accountId}")
    public Response remove(@PathParam("id") String id, @PathParam("accountId") String accountId) {
        sharing.removeMember(CurrentUser.require(identity), id, accountId);
        return Response.noContent().build();
    }

    @DELETE
    @Path("/invitations/{username}")
    public Response withdraw(@PathParam("id") String id, @PathParam("username") String username) {
        sharing.withdraw(CurrentUser.require(identity), id, username);
        return Response.noContent().build();
    }
}
