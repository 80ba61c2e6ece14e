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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import ai.smartai.frontend.backend.Backend;
import ai.smartai.frontend.backend.BackendException;
import ai.smartai.frontend.i18n.Lang;
import ai.smartai.frontend.session.Session;
import ai.smartai.frontend.session.SignedIn;
import ai.smartai.model.account.AccountView;
import ai.smartai.model.account.RegisterRequest;
import ai.smartai.model.account.Role;
import ai.smartai.model.account.ServerSettings;
import ai.smartai.model.account.PasswordChange;
import ai.smartai.model.account.UserUpdate;
import ai.smartai.model.account.UserView;
import ai.smartai.model.provider.ProviderKind;
import ai.smartai.model.provider.ProviderRequest;
import ai.smartai.model.provider.ProviderTestResult;
import ai.smartai.model.provider.ProviderUpdate;
import ai.smartai.model.provider.ProviderView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The signed-in account, a teacher's own AI providers, and for an admin the users. */
@Path("/settings")
@PermitAll
@SignedIn
@Produces(MediaType.TEXT_HTML)
public class SettingsPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(AccountView user, List<UserView> users, List<ProviderView> providers,
                boolean registrationOpen, String created, String username, String displayName, String error,
                String notice);
    }

    @Inject
    Backend backend;

    @Inject
    Lang lang;

    @GET
    public Response settings(@CookieParam(Session.COOKIE) String token) {
        return Response.ok(page(Session.bearer(token), null, null, null, "", "")).build();
    }

    /** An admin adds a teacher or TA; the backend refuses anyone else. */
    @POST
    @Path("accounts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addAccount(@CookieParam(Session.COOKIE) String token, @FormParam("username") String username,
            @FormParam("displayName") String displayName, @FormParam("password") String password) {
        String auth = Session.bearer(token);
        String name = username == null ? "" : username.strip();
        String shown = displayName == null ? "" : displayName.strip();
        try {
            AccountView created = backend.call(c -> c.register(new RegisterRequest(name, password, shown), auth));
            return Response.ok(page(auth, null, null, created.username(), "", "")).build();
        } catch (BackendException e) {
            if (e.status() >= 500) {
                throw e;
            }
            return Response.status(e.status() == 403 ? 403 : 400).entity(page(auth, e.getMessage(), null, null, name,
                    shown)).build();
        }
    }

    /** The user's own new password; the backend ends their other sessions. */
    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(@CookieParam(Session.COOKIE) String token, @FormParam("current") String current,
            @FormParam("password") String password, @FormParam("confirm") String confirm) {
        String auth = Session.bearer(token);
        if (password == null || !password.equals(confirm)) {
            return Response.status(400).entity(page(auth, lang.msg().passwordsDiffer(), null, null, "", "")).build();
        }
        try {
            backend.run(c -> c.changePassword(new PasswordChange(current, password), auth));
            return Response.ok(page(auth, null, lang.msg().passwordChanged(), null, "", "")).build();
        } catch (BackendException e) {
            if (e.status() != 400) {
                throw e;
            }
            return Response.status(400).entity(page(auth, e.getMessage(), null, null, "", "")).build();
        }
    }

    /** An admin disables or enables an account, or sets a new password for it. */
    @POST
    @Path("users/{userId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response manageUser(@CookieParam(Session.COOKIE) String token, @PathParam("userId") String id,
            @FormParam("disabled") Boolean disabled, @FormParam("password") String password) {
        String auth = Session.bearer(token);
        try {
            UserView u = backend.call(c -> c.updateUser(id, new UserUpdate(disabled,
                    password == null || password.isBlank() ? null : password), auth));
            return Response.ok(page(auth, null, lang.msg().userUpdated(u.username()), null, "", "")).build();
        } catch (BackendException e) {
            if (e.status() != 400 && e.status() != 409 && e.status() != 403) {
                throw e;
            }
            return Response.status(e.status()).entity(page(auth, e.getMessage(), null, null, "", "")).build();
        }
    }

    /** An admin opens or closes self-registration. */
    @POST
    @Path("registration")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response registration(@CookieParam(Session.COOKIE) String token, @FormParam("open") boolean open) {
        backend.call(c -> c.updateServerSettings(new ServerSettings(open), Session.bearer(token)));
        return Session.redirect("/settings#registration");
    }

    /** Adds an AI provider; the key goes to the backend, which keeps it encrypted and shows it masked. */
    @POST
    @Path("providers")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addProvider(@CookieParam(Session.COOKIE) String token, @FormParam("kind") String kind,
            @FormParam("baseUrl") String baseUrl, @FormParam("apiKey") String apiKey, @FormParam("model") String model,
            @FormParam("displayName") String displayName, @FormParam("maxConcurrent") Integer maxConcurrent,
            @FormParam("rpm") Integer rpm) {
        String auth = Session.bearer(token);
        ProviderKind k;
        try {
            k = ProviderKind.valueOf(kind == null ? "" : kind.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Response.status(400).entity(page(auth, "kind: '" + kind + "'", null, null, "", "")).build();
        }
        try {
            backend.call(c -> c.addProvider(new ProviderRequest(k, blankToNull(baseUrl), apiKey, model,
                    blankToNull(displayName), maxConcurrent, rpm, true), auth));
            return Session.redirect("/settings#providers");
        } catch (BackendException e) {
            if (e.status() != 400) {
                throw e;
            }
            return Response.status(400).entity(page(auth, e.getMessage(), null, null, "", "")).build();
        }
    }

    /** Sends one tiny request and shows the provider's own answer or error. */
    @POST
    @Path("providers/{providerId}/test")
    public Response testProvider(@CookieParam(Session.COOKIE) String token, @PathParam("providerId") String id) {
        String auth = Session.bearer(token);
        ProviderTestResult r;
        try {
            r = backend.call(c -> c.testProvider(id, auth));
        } catch (BackendException e) {
            if (e.status() != 429 && e.status() != 503) {
                throw e;
            }
            // Too many tests this minute, or every provider call slot in use: said where the teacher looks.
            return Response.status(e.status()).entity(page(auth, e.getMessage(), null, null, "", "")).build();
        }
        return r.ok() ? Response.ok(page(auth, null, lang.msg().providerOk(r.latencyMs()), null, "", "")).build()
                : Response.ok(page(auth, r.error(), null, null, "", "")).build();
    }

    @POST
    @Path("providers/{providerId}/enabled")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response enable(@CookieParam(Session.COOKIE) String token, @PathParam("providerId") String id,
            @FormParam("enabled") boolean enabled) {
        backend.call(c -> c.updateProvider(id, new ProviderUpdate(null, null, null, null, null, null, null, enabled),
                Session.bearer(token)));
        return Session.redirect("/settings#providers");
    }

    @POST
    @Path("providers/{providerId}/delete")
    public Response delete(@CookieParam(Session.COOKIE) String token, @PathParam("providerId") String id) {
        backend.run(c -> c.deleteProvider(id, Session.bearer(token)));
        return Session.redirect("/settings#providers");
    }

    private TemplateInstance page(String auth, String error, String notice, String created, String username,
            String displayName) {
        AccountView user = backend.call(c -> c.me(auth));
        boolean admin = user.role() == Role.ADMIN;
        List<UserView> users = admin ? backend.call(c -> c.users(auth)) : List.of();
        boolean open = admin && Boolean.TRUE.equals(backend.call(c -> c.serverSettings(auth)).registrationOpen());
        return Templates.settings(user, users, backend.call(c -> c.providers(auth)), open, created, username,
                displayName, error, notice);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
