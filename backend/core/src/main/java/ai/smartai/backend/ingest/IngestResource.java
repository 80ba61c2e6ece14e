package ai.smartai.backend.ingest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import ai.smartai.backend.account.CurrentUser;
import ai.smartai.backend.web.ApiException;
import ai.smartai.model.job.JobKind;
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

    private Response upload(String taskId, JobKind kind, FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw ApiException.badRequest("file_missing", "Send the file as multipart/form-data in a part named 'file'.");
        }
        var accepted = ingest.accept(CurrentUser.require(identity), taskId, kind, file.fileName(), file.uploadedFile());
        return Response.status(accepted.unchanged() ? 200 : 202).entity(accepted.body()).build();
    }
}
