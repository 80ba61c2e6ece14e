package ai.smartai.backend.report;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import ai.smartai.backend.web.ApiException;
import ai.smartai.model.common.MessageCode;
import io.vertx.core.http.HttpServerRequest;

/** A released report: the link is the only credential, and shows its one student's report. */
@Path("/api/releases/{token}")
@PermitAll
public class ReleasedReportResource {

    @Inject
    ReleaseService releases;

    @Inject
    ReportPdfs pdfs;

    @GET
    @Produces("application/pdf")
    public Response report(@PathParam("token") String token, @Context HttpServerRequest request) {
        String address = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        StudentReport report = releases.open(token, address)
                .orElseThrow(() -> ApiException.notFound(MessageCode.THING_RELEASE_LINK, "…"));
        return Response.ok(pdfs.student(report)).header("Cache-Control", "no-store").build();
    }
}
