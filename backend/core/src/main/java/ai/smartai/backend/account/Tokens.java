package ai.smartai.backend.account;

import java.security.SecureRandom;
import java.util.Base64;

import ai.smartai.backend.db.Hashes;

/** Random bearer-style tokens, kept only as their SHA-256: logins and report release links. */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "st_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        return Hashes.sha256Of(token);
    }
}
