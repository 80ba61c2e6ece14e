package ai.smartai.backend.roster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

import ai.smartai.backend.account.CurrentUser;
import ai.smartai.backend.web.ApiException;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import ai.smartai.model.student.RosterReport;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** A task's class roster (CSV or XLSX from an LMS), and how the submissions match it. */
@Path("/api/tasks/{id}/roster")
@Authenticated
public class RosterResource {

    @Inject
    RosterService roster;

    @Inject
    SecurityIdentity identity;

    @PUT
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public RosterReport upload(@PathParam("id") String taskId, @RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw ApiException.badRequest("file_missing", Message.of(MessageCode.ERR_ROSTER_PART));
        }
        try {
            return roster.upload(CurrentUser.require(identity), taskId, file.fileName(),
                    Files.readAllBytes(file.uploadedFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    public RosterReport report(@PathParam("id") String taskId) {
        return roster.report(CurrentUser.require(identity), taskId);
    }
}
