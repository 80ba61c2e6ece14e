package ai.smartai.backend.task;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import ai.smartai.backend.account.CurrentUser;
import ai.smartai.model.task.TaskInvitation;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/** The caller's invitations to other teachers' tasks: accept to join, or decline. */
@Path("/api/invitations")
@Authenticated
public class InvitationResource {

    @Inject
    SharingService sharing;

    @Inject
    SecurityIdentity identity;

    @GET
    public List<TaskInvitation> list() {
        return sharing.invitations(CurrentUser.require(identity));
    }

    @POST
    @Path("/{id}/accept")
    public Response accept(@PathParam("id") String taskId) {
        sharing.accept(CurrentUser.require(identity), taskId);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/decline")
    public Response decline(@PathParam("id") String taskId) {
        sharing.decline(CurrentUser.require(identity), taskId);
        return Response.noContent().build();
    }
}
