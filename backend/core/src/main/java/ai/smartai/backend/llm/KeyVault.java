package ai.smartai.backend.llm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import ai.smartai.backend.config.SmartaiConfig;
import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;

/**
 * Encrypts provider keys with AES-256-GCM under the master key: {@code SMARTAI_MASTER_KEY} (base64 of 32 bytes), or
 * in embedded mode a key generated once into {@code <data dir>/master.key}, readable by the owner only. Each
 * ciphertext is bound to its provider and owner (associated data), so a row copied to another teacher fails to open.
 * Replicas share one database and so must share one key: where {@code SMARTAI_MASTER_KEY_REQUIRED} is set (the backend
 * app) and the database is PostgreSQL, a missing key stops the start instead of being generated.
 */
@ApplicationScoped
public class KeyVault {

    private static final Logger LOG = Logger.getLogger(KeyVault.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    SmartaiConfig config;

    private volatile SecretKey key;

    /** A configured key is checked at start, so a wrong one stops the server rather than the first provider call. */
    void onStart(@Observes StartupEvent event) {
        requireShared();
        if (configured().isPresent()) {
            key();
        }
    }

    void requireShared() {
        if (config.masterKeyRequired() && "postgresql".equals(config.db().kind()) && configured().isEmpty()) {
            throw new IllegalStateException("SMARTAI_MASTER_KEY (or SMARTAI_MASTER_KEY_FILE) is required: backend "
                    + "replicas on PostgreSQL must share one master key to read each other's provider keys. Set it to "
                    + "the base64 of 32 random bytes (openssl rand -base64 32), the same on every replica.");
        }
    }

    private Optional<String> configured() {
        return config.masterKey().filter(k -> !k.isBlank());
    }

    public String encrypt(String plain, String providerId, String ownerId) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, iv));
            c.updateAAD((providerId + "/" + ownerId).getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return "v1:" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a provider key", e);
        }
    }

    public String decrypt(String cipherText, String providerId, String ownerId) {
        try {
            byte[] in = Base64.getDecoder().decode(cipherText.substring("v1:".length()));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, in, 0, 12));
            c.updateAAD((providerId + "/" + ownerId).getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new KeyLost();
        }
    }

    /** A stored key this server's master key cannot open: the database was restored without its master.key. */
    public static final class KeyLost extends IllegalStateException {

        KeyLost() {
            // Never the key or the ciphertext in the message.
            super("the provider's key cannot be decrypted with this server's master key (was master.key restored "
                    + "with the database?); enter the key again");
        }
    }

    /** Makes the master key now if it is to be generated, so a backup taken before any provider holds it too. */
    public void ensureMasterKey() {
        key();
    }

    /** "sk-…abcd": enough to recognise a key, never enough to use it. */
    public static String mask(String key) {
        String k = key.strip();
        String prefix = k.startsWith("sk-") ? "sk-" : "";
        return prefix + "…" + (k.length() > 8 ? k.substring(k.length() - 4) : "");
    }

    private SecretKey key() {
        SecretKey k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(loadOrCreate(), "AES");
                }
                k = key;
            }
        }
        return k;
    }

    private byte[] loadOrCreate() {
        Optional<String> masterKey = configured();
        if (masterKey.isPresent()) {
            byte[] k;
            try {
                k = Base64.getDecoder().decode(masterKey.get().strip());
            } catch (IllegalArgumentException e) {
                k = new byte[0];
            }
            if (k.length != 32) {
                throw new IllegalStateException("SMARTAI_MASTER_KEY must be the base64 of 32 random bytes");
            }
            return k;
        }
        Path file = config.dataDir().resolve("master.key");
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            Files.createDirectories(file.getParent());
            byte[] k = new byte[32];
            RANDOM.nextBytes(k);
            Path tmp = Files.createTempFile(file.getParent(), "master", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, Base64.getEncoder().encodeToString(k));
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            LOG.infof("Generated a master key for provider keys at %s (owner-only). Back it up with the database; "
                    + "set SMARTAI_MASTER_KEY to manage it yourself.", file);
            return k;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key " + file, e);
        }
    }
}
