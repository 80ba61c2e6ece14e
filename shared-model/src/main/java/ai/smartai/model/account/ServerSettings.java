package ai.smartai.model.account;

/** Server-wide settings for administrators: whether anyone may create an account themselves. */
public record ServerSettings(Boolean registrationOpen) {
}
