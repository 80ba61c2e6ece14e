package ai.smartai.backend.account;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import ai.smartai.model.account.UserView;

/** User administration. Admins see accounts, not the tasks or students of other teachers. */
@Path("/api/users")
@RolesAllowed("admin")
public class UserResource {

    @Inject
    AccountService accounts;

    @GET
    public List<UserView> list() {
        return accounts.users();
    }
}
