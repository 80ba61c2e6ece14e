package ai.smartai.frontend.pages;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import ai.smartai.frontend.backend.Backend;
import ai.smartai.frontend.backend.BackendException;
import ai.smartai.frontend.session.Session;
import ai.smartai.model.account.AccountView;
import ai.smartai.model.task.TaskCreate;
import ai.smartai.model.task.TaskCreated;
import ai.smartai.model.task.TaskDetail;
import ai.smartai.model.task.TaskSummary;
import ai.smartai.model.task.TaskUpdate;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The dashboard of a teacher's tasks, and the page of one task. */
@Path("/")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class TaskPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(AccountView user, List<TaskSummary> tasks, String newName,
                String error);

        static native TemplateInstance task(AccountView user, TaskDetail task, String error);
    }

    @Inject
    Backend backend;

    @GET
    public Response dashboard(@CookieParam(Session.COOKIE) String token) {
        if (token == null || token.isBlank()) {
            return Session.redirect("/login");
        }
        return Response.ok(dashboardPage(token, "", null)).build();
    }

    @POST
    @Path("tasks")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createTask(@CookieParam(Session.COOKIE) String token, @FormParam("name") String name) {
        if (token == null || token.isBlank()) {
            return Session.redirect("/login");
        }
        try {
            TaskCreated created = backend.call(c -> c.createTask(new TaskCreate(name), Session.bearer(token)));
            return Session.redirect("/tasks/" + created.id());
        } catch (BackendException e) {
            if (e.status() != 400) {
                throw e;
            }
            return Response.status(400).entity(dashboardPage(token, name, e.getMessage())).build();
        }
    }

    @GET
    @Path("tasks/{id}")
    public Response task(@CookieParam(Session.COOKIE) String token, @PathParam("id") String id) {
        if (token == null || token.isBlank()) {
            return Session.redirect("/login");
        }
        String auth = Session.bearer(token);
        AccountView user = backend.call(c -> c.me(auth));
        TaskDetail task = backend.call(c -> c.task(id, auth));
        return Response.ok(Templates.task(user, task, null)).build();
    }

    @POST
    @Path("tasks/{id}/rename")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rename(@CookieParam(Session.COOKIE) String token, @PathParam("id") String id,
            @FormParam("name") String name) {
        if (token == null || token.isBlank()) {
            return Session.redirect("/login");
        }
        String auth = Session.bearer(token);
        try {
            backend.call(c -> c.updateTask(id, new TaskUpdate(name, null), auth));
            return Session.redirect("/tasks/" + id);
        } catch (BackendException e) {
            if (e.status() != 400) {
                throw e;
            }
            AccountView user = backend.call(c -> c.me(auth));
            TaskDetail task = backend.call(c -> c.task(id, auth));
            return Response.status(400).entity(Templates.task(user, task, e.getMessage())).build();
        }
    }

    private TemplateInstance dashboardPage(String token, String newName, String error) {
        String auth = Session.bearer(token);
        AccountView user = backend.call(c -> c.me(auth));
        List<TaskSummary> tasks = backend.call(c -> c.tasks(auth));
        return Templates.dashboard(user, tasks, newName, error);
    }
}
