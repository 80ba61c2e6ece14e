package ai.smartai.backend.gradebook;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import ai.smartai.backend.account.CurrentUser;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/** The gradebook as files: XLSX, Moodle's grade import and Canvas's gradebook import. */
@Path("/api/tasks/{id}/exports")
@Authenticated
public class ExportResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    GradebookExports exports;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/grades.xlsx")
    @Produces(XLSX)
    public Response xlsx(@PathParam("id") String taskId) {
        return download(exports.xlsx(CurrentUser.require(identity), taskId), "grades-" + taskId + ".xlsx");
    }

    @GET
    @Path("/moodle.csv")
    @Produces("text/csv; charset=UTF-8")
    public Response moodle(@PathParam("id") String taskId) {
        return download(exports.moodle(CurrentUser.require(identity), taskId), "moodle-" + taskId + ".csv");
    }

    @GET
    @Path("/canvas.csv")
    @Produces("text/csv; charset=UTF-8")
    public Response canvas(@PathParam("id") String taskId) {
        return download(exports.canvas(CurrentUser.require(identity), taskId), "canvas-" + taskId + ".csv");
    }

    static Response download(byte[] body, String fileName) {
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }
}
