package ai.smartai.backend.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ai.smartai.backend.config.SmartaiConfig;
import ai.smartai.backend.db.Db;
import ai.smartai.backend.db.Ids;
import ai.smartai.backend.metrics.OpsMetrics;
import ai.smartai.backend.web.ApiException;
import ai.smartai.model.account.AccountView;
import ai.smartai.model.account.AuthStatus;
import ai.smartai.model.account.LoginRequest;
import ai.smartai.model.account.LoginResponse;
import ai.smartai.model.account.PasswordChange;
import ai.smartai.model.account.RegisterRequest;
import ai.smartai.model.account.Role;
import ai.smartai.model.account.ServerSettings;
import ai.smartai.model.account.UserUpdate;
import ai.smartai.model.account.UserView;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;

@ApplicationScoped
public class AccountService {

    @Inject
    AccountRepository accounts;

    @Inject
    TokenRepository tokens;

    @Inject
    SmartaiConfig config;

    @Inject
    Db db;

    Clock clock = Clock.systemUTC();

    @Transactional
    public AuthStatus status() {
        return new AuthStatus(accounts.count() > 0, registrationOpen());
    }

    /** An administrator's choice if one was made, else {@code SMARTAI_AUTH_REGISTRATION_OPEN}. */
    @Transactional
    public boolean registrationOpen() {
        ServerSetting s = db.em().find(ServerSetting.class, "registration-open");
        return s == null ? config.auth().registrationOpen() : Boolean.parseBoolean(s.getValue());
    }

    @Transactional
    public ServerSettings settings() {
        return new ServerSettings(registrationOpen());
    }

    @Transactional
    public ServerSettings updateSettings(ServerSettings update) {
        if (update.registrationOpen() != null) {
            ServerSetting s = db.em().find(ServerSetting.class, "registration-open");
            if (s == null) {
                db.em().persist(new ServerSetting("registration-open", update.registrationOpen().toString()));
            } else {
                s.setValue(update.registrationOpen().toString());
            }
        }
        return settings();
    }

    /**
     * The first account ever created is an admin. After that an admin creates accounts, or anyone may register when
     * registration is open.
     */
    @Transactional
    public AccountView register(RegisterRequest request, Optional<CurrentUser> caller) {
        boolean first = accounts.count() == 0;
        boolean byAdmin = caller.map(CurrentUser::isAdmin).orElse(false);
        if (!first && !byAdmin && !registrationOpen()) {
            throw new ApiException(403, "registration_closed", Message.of(MessageCode.ERR_REGISTRATION_CLOSED));
        }
        if (accounts.findByUsername(request.username()).isPresent()) {
            throw ApiException.conflict("username_taken", Message.of(MessageCode.ERR_USERNAME_TAKEN,
                    request.username()));
        }
        Role role = first ? Role.ADMIN : Role.TEACHER;
        String displayName = request.displayName() == null || request.displayName().isBlank() ? request.username()
                : request.displayName().strip();
        Account account = new Account(Ids.newId(), request.username(), displayName, Passwords.hash(request.password()),
                role, clock.instant());
        accounts.persist(account);
        if (first && !accounts.claimFirstAdmin(account.getId())) {
            // Another first registration won the race: this one is rolled back, not made a second administrator.
            throw ApiException.conflict("first_account_taken", Message.of(MessageCode.ERR_FIRST_ACCOUNT_TAKEN));
        }
        return view(account);
    }

    @Transactional(dontRollbackOn = ApiException.class)
    public LoginResponse login(LoginRequest request, String address) {
        throttle.check(request.username(), address);
        Optional<Account> found = accounts.findByUsername(request.username());
        String hash = found.map(Account::getPasswordHash).orElse(Passwords.DUMMY_HASH);
        boolean ok = Passwords.matches(request.password(), hash) && found.isPresent() && !found.get().isDisabled();
        if (!ok) {
            throttle.failed(request.username(), address);
            OpsMetrics.loginFailed();
            // One message for unknown user, wrong password and disabled account: no enumeration.
            throw new ApiException(401, "invalid_credentials", Message.of(MessageCode.ERR_WRONG_LOGIN));
        }
        throttle.succeeded(request.username(), address);
        Account account = found.get();
        Instant now = clock.instant();
        account.setLastLoginAt(now);
        String token = Tokens.newToken();
        Instant expiresAt = now.plus(config.auth().tokenTtl());
        tokens.persist(new ApiToken(Tokens.hash(token), account.getId(), now, expiresAt));
        tokens.deleteExpiredBefore(now);
        return new LoginResponse(token, expiresAt);
    }

    @Inject
    LoginThrottle throttle;

    @Transactional
    public void logout(String token) {
        tokens.findByHash(Tokens.hash(token)).ifPresent(t -> t.revoke(clock.instant()));
    }

    /** The live, enabled account a token belongs to; empty when the token is unknown, expired or revoked. */
    @Transactional
    public Optional<CurrentUser> authenticate(String token) {
        Instant now = clock.instant();
        return tokens.findByHash(Tokens.hash(token))
                .filter(t -> t.isValidAt(now))
                .flatMap(t -> accounts.findById(t.getAccountId()))
                .filter(a -> !a.isDisabled())
                .map(a -> new CurrentUser(a.getId(), a.getUsername(), a.getRole()));
    }

    @Transactional
    public AccountView me(CurrentUser user) {
        return accounts.findById(user.id()).map(AccountService::view)
                .orElseThrow(AccountService::gone);
    }

    /** Every account, for administrators; student data stays with each teacher. */
    @Transactional
    public List<UserView> users() {
        return accounts.list().stream().map(AccountService::userView).toList();
    }

    /**
     * An admin disables, enables or resets an account, or changes its role; disabling or a new password ends its
     * sessions.
     */
    @Transactional
    public UserView updateUser(CurrentUser admin, String id, UserUpdate update) {
        Account a = accounts.findById(id).orElseThrow(() -> ApiException.notFound(MessageCode.THING_USER, id));
        Instant now = clock.instant();
        if (update.disabled() != null) {
            if (update.disabled() && a.getId().equals(admin.id())) {
                throw ApiException.conflict("self_disable", Message.of(MessageCode.ERR_SELF_DISABLE));
            }
            a.setDisabled(update.disabled());
            if (update.disabled()) {
                tokens.revokeAll(a.getId(), null, now);
            }
        }
        if (update.password() != null) {
            a.setPasswordHash(Passwords.hash(update.password()));
            tokens.revokeAll(a.getId(), null, now);
        }
        if (update.role() != null && update.role() != a.getRole()) {
            if (a.getId().equals(admin.id())) {
                throw ApiException.conflict("self_role", Message.of(MessageCode.ERR_SELF_ROLE));
            }
            // Read on every request (authenticate), so the new role applies at once, without a new login.
            a.setRole(update.role());
        }
        return userView(a);
    }

    /** A user's own new password; every other session of theirs ends, this one stays. */
    @Transactional
    public void changePassword(CurrentUser user, String currentToken, PasswordChange change) {
        Account a = accounts.findById(user.id()).orElseThrow(AccountService::gone);
        if (!Passwords.matches(change.current(), a.getPasswordHash())) {
            throw ApiException.badRequest("wrong_password", Message.of(MessageCode.ERR_WRONG_PASSWORD));
        }
        a.setPasswordHash(Passwords.hash(change.password()));
        tokens.revokeAll(a.getId(), Tokens.hash(currentToken), clock.instant());
    }

    static UserView userView(Account a) {
        return new UserView(a.getId(), a.getUsername(), a.getDisplayName(), a.getRole(), a.isDisabled(),
                a.getCreatedAt(), a.getLastLoginAt());
    }

    static AccountView view(Account a) {
        return new AccountView(a.getId(), a.getUsername(), a.getRole(), a.getDisplayName());
    }

    private static ApiException gone() {
        return new ApiException(401, "unauthorized", Message.of(MessageCode.ERR_ACCOUNT_GONE));
    }
}
