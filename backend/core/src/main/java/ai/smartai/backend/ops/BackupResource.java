package ai.smartai.backend.ops;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import ai.smartai.model.account.BackupView;

/** An administrator backs the embedded database up while the server runs (docs/deployment.md). */
@Path("/api/admin/backup")
@RolesAllowed("admin")
public class BackupResource {

    @Inject
    BackupService backups;

    @POST
    public BackupView backUp() {
        Backups.Written w = backups.backUp();
        return new BackupView(w.file().toString(), w.bytes(), w.createdAt(), w.masterKeyIncluded());
    }
}
