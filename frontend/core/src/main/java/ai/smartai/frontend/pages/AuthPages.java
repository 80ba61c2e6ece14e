package ai.smartai.frontend.pages;

import java.util.function.Function;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import ai.smartai.frontend.backend.Backend;
import ai.smartai.frontend.backend.BackendClient;
import ai.smartai.frontend.backend.BackendException;
import ai.smartai.frontend.i18n.Lang;
import ai.smartai.frontend.session.Session;
import ai.smartai.frontend.session.SignedIn;
import ai.smartai.model.account.AuthStatus;
import ai.smartai.model.account.LoginRequest;
import ai.smartai.model.account.LoginResponse;
import ai.smartai.model.account.RegisterRequest;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;

/** First run (create the admin account), login and logout. */
@Path("/")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class AuthPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(LoginPage page);

        static native TemplateInstance setup(SetupPage page);
    }

    public record LoginPage(String username, String error, boolean registrationOpen) {
    }

    /** The first-run form ({@code first}) or self-registration. */
    public record SetupPage(String username, String displayName, String error, boolean first) {
    }

    @Inject
    Backend backend;

    @Inject
    Forms forms;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @Inject
    HttpServerRequest http;

    @Inject
    Lang lang;

    /**
     * The address chain for the backend's login limit: what a proxy in front of us said, then the peer we saw. The
     * backend believes only the entries its trusted proxies added (it reads the chain from the right), so a browser
     * that writes its own X-Forwarded-For gains nothing, and behind a reverse proxy each browser is counted apart.
     */
    private String browserAddress() {
        String peer = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        String before = http.getHeader("X-Forwarded-For");
        return before == null || before.isBlank() ? peer : peer == null ? before : before.strip() + ", " + peer;
    }

    @GET
    @Path("login")
    public Response loginForm() {
        if (!status().hasAccounts()) {
            return Session.redirect("/setup");
        }
        return Response.ok(Templates.login(new LoginPage("", null, status().registrationOpen()))).build();
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@FormParam("username") String username, @FormParam("password") String password) {
        LoginResponse session = forms.call(logIn(username, password),
                error -> Templates.login(new LoginPage(trim(username), error, status().registrationOpen())));
        return Session.redirect("/", Session.open(session.token(), session.expiresAt(), headers, uri));
    }

    @GET
    @Path("setup")
    public Response setupForm() {
        if (status().hasAccounts()) {
            return Session.redirect("/login");
        }
        return Response.ok(Templates.setup(new SetupPage("", "", null, true))).build();
    }

    /** Creates the first account, which the backend makes an admin, and logs it in. */
    @POST
    @Path("setup")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setup(@FormParam("username") String username, @FormParam("displayName") String displayName,
            @FormParam("password") String password, @FormParam("confirm") String confirm) {
        if (status().hasAccounts()) {
            return Session.redirect("/login");
        }
        return createAndLogIn(username, displayName, password, confirm, true);
    }

    /** Self-registration, when an administrator opened it. */
    @GET
    @Path("register")
    public Response registerForm() {
        if (!status().registrationOpen()) {
            return Session.redirect("/login");
        }
        return Response.ok(Templates.setup(new SetupPage("", "", null, false))).build();
    }

    @POST
    @Path("register")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(@FormParam("username") String username, @FormParam("displayName") String displayName,
            @FormParam("password") String password, @FormParam("confirm") String confirm) {
        return createAndLogIn(username, displayName, password, confirm, false);
    }

    private Response createAndLogIn(String username, String displayName, String password, String confirm,
            boolean first) {
        Function<String, TemplateInstance> form = error -> Templates.setup(new SetupPage(trim(username),
                trim(displayName), error, first));
        if (password == null || !password.equals(confirm)) {
            return Response.status(400).entity(form.apply(lang.msg().passwordsDiffer())).build();
        }
        forms.call(c -> c.register(new RegisterRequest(trim(username), password, trim(displayName))), form);
        LoginResponse session = forms.call(logIn(username, password), form);
        return Session.redirect("/", Session.open(session.token(), session.expiresAt(), headers, uri));
    }

    private Function<BackendClient, LoginResponse> logIn(String username, String password) {
        return c -> c.login(new LoginRequest(trim(username), password), browserAddress());
    }

    /** Signed in, so that the backend revokes this session's token. */
    @POST
    @Path("logout")
    @SignedIn
    public Response logout() {
        try {
            backend.run(BackendClient::logout);
        } catch (BackendException alreadyGone) {
            // The token expired or was revoked already: the user is logged out either way.
        }
        return Session.redirect("/login", Session.close(headers, uri));
    }

    private AuthStatus status() {
        return backend.call(BackendClient::authStatus);
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
