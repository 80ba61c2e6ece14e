package ai.smartai.frontend.pages;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import ai.smartai.frontend.backend.Backend;
import ai.smartai.frontend.backend.BackendException;
import ai.smartai.frontend.session.Session;
import ai.smartai.frontend.session.SignedIn;
import ai.smartai.model.account.AccountView;
import ai.smartai.model.account.Role;
import ai.smartai.model.account.UserView;
import ai.smartai.model.account.RegisterRequest;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The signed-in account and, for an admin, adding teachers; LLM providers get their section here later. */
@Path("/settings")
@PermitAll
@SignedIn
@Produces(MediaType.TEXT_HTML)
public class SettingsPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(AccountView user, List<UserView> users, String created,
                String username, String displayName, String error);
    }

    @Inject
    Backend backend;

    @GET
    public Response settings(@CookieParam(Session.COOKIE) String token) {
        String auth = Session.bearer(token);
        AccountView user = backend.call(c -> c.me(auth));
        return Response.ok(Templates.settings(user, users(user, auth), null, "", "", null)).build();
    }

    /** An admin adds a teacher or TA; the backend refuses anyone else. */
    @POST
    @Path("accounts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addAccount(@CookieParam(Session.COOKIE) String token, @FormParam("username") String username,
            @FormParam("displayName") String displayName, @FormParam("password") String password) {
        String auth = Session.bearer(token);
        AccountView user = backend.call(c -> c.me(auth));
        String name = username == null ? "" : username.strip();
        String shown = displayName == null ? "" : displayName.strip();
        try {
            AccountView created = backend.call(c -> c.register(new RegisterRequest(name, password, shown), auth));
            return Response.ok(Templates.settings(user, users(user, auth), created.username(), "", "", null)).build();
        } catch (BackendException e) {
            if (e.status() >= 500) {
                throw e;
            }
            return Response.status(e.status() == 403 ? 403 : 400)
                    .entity(Templates.settings(user, users(user, auth), null, name, shown, e.getMessage())).build();
        }
    }

    private List<UserView> users(AccountView user, String auth) {
        return user.role() == Role.ADMIN ? backend.call(c -> c.users(auth)) : List.of();
    }
}
