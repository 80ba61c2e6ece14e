package ai.smartai.backend.account;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import ai.smartai.model.account.ServerSettings;
import ai.smartai.model.account.UserUpdate;
import ai.smartai.model.account.UserView;
import io.quarkus.security.identity.SecurityIdentity;

/** User administration. Admins see and manage accounts, not the tasks or students of other teachers. */
@Path("/api")
@RolesAllowed("admin")
public class UserResource {

    @Inject
    AccountService accounts;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/users")
    public List<UserView> list() {
        return accounts.users();
    }

    /** Disable or enable an account, or reset its password; either ends its sessions. */
    @PUT
    @Path("/users/{id}")
    public UserView update(@PathParam("id") String id, @Valid @NotNull UserUpdate update) {
        return accounts.updateUser(CurrentUser.require(identity), id, update);
    }

    @GET
    @Path("/settings")
    public ServerSettings settings() {
        return accounts.settings();
    }

    /** Opens or closes self-registration without a restart. */
    @PUT
    @Path("/settings")
    public ServerSettings updateSettings(@NotNull ServerSettings update) {
        return accounts.updateSettings(update);
    }
}
