package ai.smartai.frontend.pages;

import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import ai.smartai.frontend.backend.Backend;
import ai.smartai.frontend.session.SignedIn;

/** The gradebook exports and PDF reports, fetched from the backend with the signed-in teacher's token. */
@Path("/")
@PermitAll
@SignedIn
public class DownloadPages {

    /** The files a page may link to, and their types; anything else is 404 before the backend is asked. */
    static final Map<String, String> EXPORTS = Map.of(
            "grades.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "moodle.csv", "text/csv; charset=UTF-8",
            "canvas.csv", "text/csv; charset=UTF-8");

    @Inject
    Backend backend;

    @GET
    @Path("tasks/{id}/exports/{file}")
    public Response export(@PathParam("id") String id, @PathParam("file") String file) {
        String type = EXPORTS.get(file);
        if (type == null) {
            throw new NotFoundException();
        }
        return file(backend.call(c -> c.export(id, file)), type, file.replace(".", "-" + id + "."));
    }

    @GET
    @Path("tasks/{id}/reports/class.pdf")
    public Response classReport(@PathParam("id") String id) {
        return file(backend.call(c -> c.report(id, "class.pdf")), "application/pdf", "class-" + id + ".pdf");
    }

    @GET
    @Path("tasks/{id}/reports/students.zip")
    public Response studentReports(@PathParam("id") String id) {
        return file(backend.call(c -> c.report(id, "students.zip")), "application/zip", "reports-" + id + ".zip");
    }

    @GET
    @Path("tasks/{id}/reports/students/{studentId}.pdf")
    public Response studentReport(@PathParam("id") String id, @PathParam("studentId") String studentId) {
        return file(backend.call(c -> c.studentReport(id, studentId)), "application/pdf",
                "report-" + studentId + ".pdf");
    }

    private static Response file(byte[] body, String type, String name) {
        String ascii = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + ascii + "\"").build();
    }
}
