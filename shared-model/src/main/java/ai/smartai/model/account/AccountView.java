package ai.smartai.model.account;

public record AccountView(String id, String username, Role role, String displayName) {
}
