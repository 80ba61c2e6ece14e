package ai.smartai.backend.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import ai.smartai.backend.account.CurrentUser;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/** PDF reports: one student's, every student's as a zip, and the class's. */
@Path("/api/tasks/{id}/reports")
@Authenticated
public class ReportResource {

    @Inject
    ReportService reports;

    @Inject
    ReportPdfs pdfs;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/students/{studentId}.pdf")
    @Produces("application/pdf")
    public Response student(@PathParam("id") String taskId, @PathParam("studentId") String studentId) {
        StudentReport report = reports.students(CurrentUser.require(identity), taskId, studentId).get(0);
        return download(pdfs.student(report), report.fileName());
    }

    @GET
    @Path("/students.zip")
    @Produces("application/zip")
    public Response all(@PathParam("id") String taskId) {
        return download(pdfs.zip(reports.students(CurrentUser.require(identity), taskId, null)),
                "reports-" + taskId + ".zip");
    }

    @GET
    @Path("/class.pdf")
    @Produces("application/pdf")
    public Response classReport(@PathParam("id") String taskId) {
        return download(pdfs.classReport(reports.classReport(CurrentUser.require(identity), taskId)),
                "class-" + taskId + ".pdf");
    }

    /** The file name twice: ASCII for old clients, and RFC 5987 UTF-8 for a Chinese name. */
    private static Response download(Object body, String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"" + ascii
                + "\"; filename*=UTF-8''" + URLEncoder.encode(fileName, StandardCharsets.UTF_8)
                        .replace("+", "%20"))
                .build();
    }
}
