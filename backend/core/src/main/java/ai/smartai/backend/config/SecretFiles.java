package ai.smartai.backend.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Secrets from files, the way container platforms mount them: {@code SMARTAI_DB_PASSWORD_FILE} and
 * {@code SMARTAI_MASTER_KEY_FILE} name a file whose content is the secret. The file must be readable by its owner
 * only; anything more open stops the start with a message that names the file, rather than trust a leaked secret.
 */
public class SecretFiles implements ConfigSourceFactory {

    /** Config key of the secret, and the key of the setting that names its file. */
    static final Map<String, String> SECRETS = Map.of(
            "smartai.db.password", "smartai.db.password-file",
            "smartai.master-key", "smartai.master-key-file");

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        Map<String, String> values = new HashMap<>();
        SECRETS.forEach((secret, fileKey) -> {
            ConfigValue file = context.getValue(fileKey);
            if (file != null && file.getValue() != null && !file.getValue().isBlank()) {
                values.put(secret, read(Path.of(file.getValue().strip())));
            }
        });
        // Below the environment (a secret set directly wins), above the properties files.
        return List.of(new PropertiesConfigSource(values, "smartai-secret-files", 270));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(270);
    }

    static String read(Path file) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
                throw new IllegalStateException(file + " holds a secret but others can read it: chmod 600 " + file);
            }
            return Files.readString(file).strip();
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: nothing to check.
            try {
                return Files.readString(file).strip();
            } catch (IOException io) {
                throw new UncheckedIOException("cannot read the secret file " + file, io);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the secret file " + file, e);
        }
    }
}
