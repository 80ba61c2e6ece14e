package ai.smartai.model.account;

/** What a client needs before anyone has logged in: whether the first-run setup is still open. */
public record AuthStatus(boolean hasAccounts, boolean registrationOpen) {
}
