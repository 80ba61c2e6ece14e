package ai.smartai.backend.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import ai.smartai.backend.config.SmartaiConfig;
import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;

/**
 * The data directory holds the database, the master key and every upload: only the server's user may read it.
 * Directories become 700 and files 600 at every start, whatever umask created them (./smartai also runs with umask
 * 077, which covers files made while the server runs).
 */
@ApplicationScoped
public class DataDirectory {

    private static final Logger LOG = Logger.getLogger(DataDirectory.class);

    @Inject
    SmartaiConfig config;

    void onStart(@Observes StartupEvent event) {
        Path dir = config.dataDir().toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            restrict(dir);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warnf("Could not make %s private to this user (%s): check its permissions", dir, e.getMessage());
        }
    }

    /** Owner-only permissions for a directory tree. */
    public static void restrict(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwx------"
                        : "rw-------"));
            }
        }
    }
}
