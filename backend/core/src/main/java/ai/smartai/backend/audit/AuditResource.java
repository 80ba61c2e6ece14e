package ai.smartai.backend.audit;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import ai.smartai.backend.account.CurrentUser;
import ai.smartai.model.audit.AuditEntry;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/tasks/{id}/audit")
@Authenticated
public class AuditResource {

    @Inject
    AuditService audit;

    @Inject
    SecurityIdentity identity;

    @GET
    public List<AuditEntry> list(@PathParam("id") String taskId) {
        return audit.list(CurrentUser.require(identity), taskId);
    }
}
