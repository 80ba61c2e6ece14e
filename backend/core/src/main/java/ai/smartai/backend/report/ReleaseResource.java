package ai.smartai.backend.report;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import ai.smartai.backend.account.CurrentUser;
import ai.smartai.model.report.ReleaseAccessView;
import ai.smartai.model.report.ReleaseLink;
import ai.smartai.model.report.ReleaseRequest;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/** A teacher's release links: create, list (without tokens), revoke. */
@Path("/api/tasks/{id}/releases")
@Authenticated
public class ReleaseResource {

    @Inject
    ReleaseService releases;

    @Inject
    SecurityIdentity identity;

    @POST
    public List<ReleaseLink> create(@PathParam("id") String taskId, @Valid @NotNull ReleaseRequest request) {
        return releases.create(CurrentUser.require(identity), taskId, request);
    }

    @GET
    public List<ReleaseLink> list(@PathParam("id") String taskId) {
        return releases.list(CurrentUser.require(identity), taskId);
    }

    @GET
    @Path("/{studentId}/accesses")
    public List<ReleaseAccessView> accessLog(@PathParam("id") String taskId, @PathParam("studentId") String studentId) {
        return releases.accessLog(CurrentUser.require(identity), taskId, studentId);
    }

    @DELETE
    @Path("/{studentId}")
    public void revoke(@PathParam("id") String taskId, @PathParam("studentId") String studentId) {
        releases.revoke(CurrentUser.require(identity), taskId, studentId);
    }
}
