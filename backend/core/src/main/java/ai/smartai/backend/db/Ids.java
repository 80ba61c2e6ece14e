package ai.smartai.backend.db;

import java.security.SecureRandom;

/** Short random ids: unguessable, URL-safe, and readable in logs. */
public final class Ids {

    private static final char[] ALPHABET = "abcdefghijkmnopqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String newId() {
        char[] id = new char[14];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
