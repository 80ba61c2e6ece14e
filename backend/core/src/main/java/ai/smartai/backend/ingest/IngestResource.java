package ai.smartai.backend.ingest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import ai.smartai.backend.account.CurrentUser;
import ai.smartai.backend.web.ApiException;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import ai.smartai.model.job.JobKind;
import ai.smartai.model.job.JobView;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Uploads, multipart with the file in part {@code file}. Each starts a job: 202, or 200 when nothing changed. */
@Path("/api/tasks/{id}")
@Authenticated
public class IngestResource {

    @Inject
    IngestService ingest;

    @Inject
    SecurityIdentity identity;

    @POST
    @Path("/problems")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response problems(@PathParam("id") String taskId, @RestForm("file") FileUpload file) {
        return upload(taskId, JobKind.PROBLEMS, file);
    }

    @POST
    @Path("/answer-key")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response answerKey(@PathParam("id") String taskId, @RestForm("file") FileUpload file) {
        return upload(taskId, JobKind.ANSWER_KEY, file);
    }

    @POST
    @Path("/submissions")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response submissions(@PathParam("id") String taskId, @RestForm("file") FileUpload file) {
        return upload(taskId, JobKind.SUBMISSIONS, file);
    }

    /** Ended uploads that failed or read with warnings, until the teacher dismisses them; newest first. */
    @GET
    @Path("/upload-reports")
    @Produces(MediaType.APPLICATION_JSON)
    public List<JobView> reports(@PathParam("id") String taskId) {
        return ingest.reports(CurrentUser.require(identity), taskId);
    }

    @POST
    @Path("/upload-reports/{jobId}/dismiss")
    public Response dismiss(@PathParam("id") String taskId, @PathParam("jobId") String jobId) {
        ingest.dismiss(CurrentUser.require(identity), taskId, jobId);
        return Response.noContent().build();
    }

    private Response upload(String taskId, JobKind kind, FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw ApiException.badRequest("file_missing", Message.of(MessageCode.ERR_FILE_PART));
        }
        var accepted = ingest.accept(CurrentUser.require(identity), taskId, kind, file.fileName(), file.uploadedFile());
        return Response.status(accepted.unchanged() ? 200 : 202).entity(accepted.body()).build();
    }
}
