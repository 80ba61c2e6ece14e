package ai.smartai.model.account;

import java.time.Instant;

public record LoginResponse(String token, Instant expiresAt) {
}
