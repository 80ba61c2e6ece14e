package ai.smartai.backend.account;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import ai.smartai.backend.config.SmartaiConfig;
import ai.smartai.backend.net.Cidr;
import ai.smartai.model.account.AccountView;
import ai.smartai.model.account.AuthStatus;
import ai.smartai.model.account.LoginRequest;
import ai.smartai.model.account.LoginResponse;
import ai.smartai.model.account.PasswordChange;
import ai.smartai.model.account.RegisterRequest;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

@Path("/api/auth")
public class AuthResource {

    @Inject
    SmartaiConfig config;

    @Inject
    AccountService accounts;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/status")
    @PermitAll
    public AuthStatus status() {
        return accounts.status();
    }

    @POST
    @Path("/register")
    @PermitAll
    public Response register(@Valid @NotNull RegisterRequest request) {
        AccountView created = accounts.register(request, CurrentUser.of(identity));
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @POST
    @Path("/login")
    @PermitAll
    public LoginResponse login(@Valid @NotNull LoginRequest request, @Context HttpServerRequest http) {
        return accounts.login(request, clientAddress(http));
    }

    /** Whether {@code address} is one of {@code proxies}: exact addresses or CIDR ranges (10.0.0.0/8, fd00::/8). */
    static boolean trusted(String address, List<String> proxies) {
        var ip = Cidr.literal(address);
        // A malformed entry trusts nothing.
        return ip.isPresent() && proxies.stream().map(Cidr::parse).flatMap(Optional::stream)
                .anyMatch(range -> range.contains(ip.get()));
    }

    /**
     * The client: the peer, or, when the peer is a trusted proxy (the frontend, a reverse proxy), the right-most address
     * in X-Forwarded-For that is not itself a trusted proxy. Each proxy appends the address it saw, so only the entries
     * our own proxies added can be believed; anything further left may have been written by the client.
     */
    String clientAddress(HttpServerRequest http) {
        String peer = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        return clientAddress(peer, http.getHeader("X-Forwarded-For"), config.auth().trustedProxies());
    }

    static String clientAddress(String peer, String forwardedFor, List<String> trustedProxies) {
        if (forwardedFor == null || forwardedFor.isBlank() || !trusted(peer, trustedProxies)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        String client = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (hop.isEmpty()) {
                continue;
            }
            client = hop;
            if (!trusted(hop, trustedProxies)) {
                break;
            }
        }
        return client;
    }

    @POST
    @Path("/logout")
    @Authenticated
    public Response logout() {
        String token = identity.getAttribute(CurrentUser.TOKEN_ATTRIBUTE);
        accounts.logout(token);
        return Response.noContent().build();
    }

    /** Changes the caller's password and ends their other sessions. */
    @POST
    @Path("/password")
    @Authenticated
    public Response changePassword(@Valid @NotNull PasswordChange change) {
        accounts.changePassword(CurrentUser.require(identity), identity.getAttribute(CurrentUser.TOKEN_ATTRIBUTE),
                change);
        return Response.noContent().build();
    }

    @GET
    @Path("/me")
    @Authenticated
    public AccountView me() {
        return accounts.me(CurrentUser.require(identity));
    }
}
