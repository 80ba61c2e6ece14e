package ai.smartai.frontend.pages;

import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import ai.smartai.frontend.backend.Backend;
import ai.smartai.frontend.i18n.Lang;
import ai.smartai.frontend.session.Session;
import ai.smartai.frontend.session.SignedIn;
import ai.smartai.model.account.AccountView;
import ai.smartai.model.account.BackupView;
import ai.smartai.model.account.PasswordChange;
import ai.smartai.model.account.RegisterRequest;
import ai.smartai.model.account.Role;
import ai.smartai.model.account.ServerSettings;
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
        static native TemplateInstance settings(SettingsPage page);
    }

    /** {@code users} and {@code registrationOpen} are an admin's; a teacher sees none and closed. */
    public record SettingsPage(AccountView user, List<UserView> users, List<ProviderView> providers,
            boolean registrationOpen, NewAccount newAccount, String error, String notice) {

        /** The roles an admin may give an account. */
        public Role[] roles() {
            return Role.values();
        }
    }

    /** The admin's add-account form: the username just created, or what to show again after a refusal. */
    public record NewAccount(String created, String username, String displayName) {

        static final NewAccount EMPTY = new NewAccount(null, "", "");
    }

    @Inject
    Backend backend;

    @Inject
    Forms forms;

    @Inject
    Lang lang;

    @GET
    public Response settings() {
        return Response.ok(page(null, null)).build();
    }

    /** An admin adds a teacher or TA; the backend refuses anyone else. */
    @POST
    @Path("accounts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addAccount(@FormParam("username") String username, @FormParam("displayName") String displayName,
            @FormParam("password") String password) {
        String name = username == null ? "" : username.strip();
        String shown = displayName == null ? "" : displayName.strip();
        AccountView created = forms.call(c -> c.register(new RegisterRequest(name, password, shown)),
                error -> page(error, null, new NewAccount(null, name, shown)));
        return Response.ok(page(null, null, new NewAccount(created.username(), "", ""))).build();
    }

    /** The user's own new password; the backend ends their other sessions. */
    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(@FormParam("current") String current, @FormParam("password") String password,
            @FormParam("confirm") String confirm) {
        if (password == null || !password.equals(confirm)) {
            return Response.status(400).entity(page(lang.msg().passwordsDiffer(), null)).build();
        }
        forms.run(c -> c.changePassword(new PasswordChange(current, password)), error -> page(error, null));
        return Response.ok(page(null, lang.msg().passwordChanged())).build();
    }

    /** An admin disables or enables an account, sets a new password for it, or changes its role. */
    @POST
    @Path("users/{userId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response manageUser(@PathParam("userId") String id, @FormParam("disabled") Boolean disabled,
            @FormParam("password") String password, @FormParam("role") String role) {
        UserUpdate update = new UserUpdate(disabled, password == null || password.isBlank() ? null : password,
                role == null || role.isBlank() ? null : role(role));
        UserView u = forms.call(c -> c.updateUser(id, update), error -> page(error, null));
        return Response.ok(page(null, lang.msg().userUpdated(u.username()))).build();
    }

    /** An admin opens or closes self-registration. */
    @POST
    @Path("registration")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response registration(@FormParam("open") boolean open) {
        backend.call(c -> c.updateServerSettings(new ServerSettings(open)));
        return Session.redirect("/settings#registration");
    }

    /** An admin backs the running server up; the page names the file written on the server. */
    @POST
    @Path("backup")
    public Response backUp() {
        BackupView b = forms.call(c -> c.backUp(), error -> page(error, null));
        String size = String.format(Locale.ROOT, "%.1f MB", b.bytes() / 1048576.0);
        return Response.ok(page(null, b.masterKeyIncluded() ? lang.msg().backupWritten(b.file(), size)
                : lang.msg().backupWrittenWithoutKey(b.file(), size))).build();
    }

    /** Adds an AI provider; the key goes to the backend, which keeps it encrypted and shows it masked. */
    @POST
    @Path("providers")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addProvider(@FormParam("kind") String kind, @FormParam("baseUrl") String baseUrl,
            @FormParam("apiKey") String apiKey, @FormParam("model") String model,
            @FormParam("displayName") String displayName, @FormParam("maxConcurrent") Integer maxConcurrent,
            @FormParam("rpm") Integer rpm) {
        ProviderKind k;
        try {
            k = ProviderKind.valueOf(kind == null ? "" : kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Response.status(400).entity(page("kind: '" + kind + "'", null)).build();
        }
        ProviderRequest request = new ProviderRequest(k, blankToNull(baseUrl), apiKey, model, blankToNull(displayName),
                maxConcurrent, rpm, true);
        forms.call(c -> c.addProvider(request), error -> page(error, null));
        return Session.redirect("/settings#providers");
    }

    /** Sends one tiny request and shows the provider's own answer or error. */
    @POST
    @Path("providers/{providerId}/test")
    public Response testProvider(@PathParam("providerId") String id) {
        // Too many tests this minute, or every provider slot in use: said on the page, where the teacher looks.
        ProviderTestResult r = forms.call(c -> c.testProvider(id), error -> page(error, null));
        return Response.ok(r.ok() ? page(null, lang.msg().providerOk(r.latencyMs())) : page(r.error(), null)).build();
    }

    @POST
    @Path("providers/{providerId}/enabled")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response enable(@PathParam("providerId") String id, @FormParam("enabled") boolean enabled) {
        backend.call(c -> c.updateProvider(id, new ProviderUpdate(null, null, null, null, null, null, null, enabled)));
        return Session.redirect("/settings#providers");
    }

    @POST
    @Path("providers/{providerId}/delete")
    public Response delete(@PathParam("providerId") String id) {
        backend.run(c -> c.deleteProvider(id));
        return Session.redirect("/settings#providers");
    }

    private TemplateInstance page(String error, String notice) {
        return page(error, notice, NewAccount.EMPTY);
    }

    private TemplateInstance page(String error, String notice, NewAccount newAccount) {
        AccountView user = backend.call(c -> c.me());
        boolean admin = user.role() == Role.ADMIN;
        List<UserView> users = admin ? backend.call(c -> c.users()) : List.of();
        boolean open = admin && Boolean.TRUE.equals(backend.call(c -> c.serverSettings()).registrationOpen());
        // A teaching assistant manages no provider (the API answers 403).
        List<ProviderView> providers = user.role().teaches() ? backend.call(c -> c.providers()) : List.of();
        return Templates.settings(new SettingsPage(user, users, providers, open, newAccount, error, notice));
    }

    private static Role role(String word) {
        try {
            return Role.valueOf(word.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("role: no role '" + word + "'");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
