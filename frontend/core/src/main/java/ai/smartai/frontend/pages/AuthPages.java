package ai.smartai.frontend.pages;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
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
import ai.smartai.frontend.backend.BackendException;
import ai.smartai.frontend.session.Session;
import ai.smartai.model.account.AuthStatus;
import ai.smartai.model.account.LoginRequest;
import ai.smartai.model.account.LoginResponse;
import ai.smartai.model.account.RegisterRequest;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** First run (create the admin account), login and logout. */
@Path("/")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class AuthPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String username, String error, boolean registrationOpen);

        static native TemplateInstance setup(String username, String displayName, String error, boolean first);
    }

    @Inject
    Backend backend;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @Inject
    io.vertx.core.http.HttpServerRequest http;

    @Inject
    ai.smartai.frontend.i18n.Lang lang;

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
        return Response.ok(Templates.login("", null, status().registrationOpen())).build();
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@FormParam("username") String username, @FormParam("password") String password) {
        try {
            LoginResponse session = backend.call(c -> c.login(new LoginRequest(trim(username), password), browserAddress()));
            return Session.redirect("/", Session.open(session.token(), session.expiresAt(), headers, uri));
        } catch (BackendException e) {
            if (e.status() >= 500) {
                throw e;
            }
            return Response.status(e.status() == 401 ? 401 : 400)
                    .entity(Templates.login(trim(username), e.getMessage(), status().registrationOpen())).build();
        }
    }

    @GET
    @Path("setup")
    public Response setupForm() {
        if (status().hasAccounts()) {
            return Session.redirect("/login");
        }
        return Response.ok(Templates.setup("", "", null, true)).build();
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
        return Response.ok(Templates.setup("", "", null, false)).build();
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
        if (password == null || !password.equals(confirm)) {
            return Response.status(400).entity(Templates.setup(trim(username), trim(displayName),
                    lang.msg().passwordsDiffer(), first)).build();
        }
        try {
            backend.call(c -> c.register(new RegisterRequest(trim(username), password, trim(displayName)), null));
            LoginResponse session = backend.call(c -> c.login(new LoginRequest(trim(username), password),
                    browserAddress()));
            return Session.redirect("/", Session.open(session.token(), session.expiresAt(), headers, uri));
        } catch (BackendException e) {
            if (e.status() >= 500) {
                throw e;
            }
            return Response.status(e.status() == 403 ? 403 : 400).entity(Templates.setup(trim(username),
                    trim(displayName), e.getMessage(), first)).build();
        }
    }

    @POST
    @Path("logout")
    public Response logout(@CookieParam(Session.COOKIE) String token) {
        if (token != null && !token.isBlank()) {
            try {
                backend.run(c -> c.logout(Session.bearer(token)));
            } catch (BackendException alreadyGone) {
                // The token expired or was revoked already: the user is logged out either way.
            }
        }
        return Session.redirect("/login", Session.close(headers, uri));
    }

    private AuthStatus status() {
        return backend.call(c -> c.authStatus());
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
