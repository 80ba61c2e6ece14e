package ai.smartai.backend.db;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as the server uses it for ids, cache keys and stored tokens: lower-case hex of UTF-8 text. */
public final class Hashes {

    private Hashes() {
    }

    /** The hash of the parts, each followed by a NUL so that ("ab", "c") and ("a", "bc") differ. */
    public static String sha256(String... parts) {
        MessageDigest sha = digest();
        for (String part : parts) {
            sha.update(part.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The hash of one text, as stored for tokens. */
    public static String sha256Of(String text) {
        return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
