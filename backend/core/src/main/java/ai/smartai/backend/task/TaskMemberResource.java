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

/** Who works on a task: the owner shares it with co-teachers and TAs, who then see and grade it. */
@Path("/api/tasks/{id}/members")
@Authenticated
public class TaskMemberResource {

    @Inject
    TaskService tasks;

    @Inject
    SecurityIdentity identity;

    @GET
    public List<TaskMemberView> list(@PathParam("id") String id) {
        return tasks.members(CurrentUser.require(identity), id);
    }

    @POST
    public List<TaskMemberView> add(@PathParam("id") String id, @Valid @NotNull MemberAdd add) {
        return tasks.addMember(CurrentUser.require(identity), id, add.username());
    }

    @DELETE
    @Path("/{accountId}")
    public Response remove(@PathParam("id") String id, @PathParam("accountId") String accountId) {
        tasks.removeMember(CurrentUser.require(identity), id, accountId);
        return Response.noContent().build();
    }
}
