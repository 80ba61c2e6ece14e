package ai.smartai.backend.task;

import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import ai.smartai.backend.account.CurrentUser;
import ai.smartai.model.task.TaskCreate;
import ai.smartai.model.task.TaskCreated;
import ai.smartai.model.task.TaskDetail;
import ai.smartai.model.task.TaskSummary;
import ai.smartai.model.task.TaskUpdate;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/tasks")
@Authenticated
public class TaskResource {

    @Inject
    TaskService tasks;

    @Inject
    SecurityIdentity identity;

    @POST
    public Response create(@Valid @NotNull TaskCreate request) {
        TaskCreated created = tasks.create(user(), request);
        return Response.created(URI.create("/api/tasks/" + created.id())).entity(created).build();
    }

    @GET
    public List<TaskSummary> list() {
        return tasks.list(user());
    }

    @GET
    @Path("/{id}")
    public TaskDetail get(@PathParam("id") String id) {
        return tasks.get(user(), id);
    }

    @PUT
    @Path("/{id}")
    public TaskDetail update(@PathParam("id") String id, @Valid @NotNull TaskUpdate update) {
        return tasks.update(user(), id, update);
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        tasks.delete(user(), id);
        return Response.noContent().build();
    }

    private CurrentUser user() {
        return CurrentUser.require(identity);
    }
}
