package ai.smartai.backend.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import ai.smartai.backend.config.SmartaiConfig;
import ai.smartai.backend.db.DatabaseSelection;
import ai.smartai.backend.llm.KeyVault;
import ai.smartai.backend.web.ApiException;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import io.agroal.api.AgroalDataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The admin's online backup of the embedded database: H2 copies a consistent snapshot while the server keeps
 * serving, and {@link Backups} packs it with the master key and the uploads into {@code <data dir>/backups/}.
 * PostgreSQL is backed up with its own tools (docs/deployment.md).
 */
@ApplicationScoped
public class BackupService {

    private static final Logger LOG = Logger.getLogger(BackupService.class);

    @Inject
    SmartaiConfig config;

    @Inject
    KeyVault keys;

    /** The embedded database; only looked up when it is the active one. */
    @Inject
    Instance<AgroalDataSource> h2;

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown")
    String version;

    public Backups.Written backUp() {
        if (DatabaseSelection.isPostgres(config.db().url().orElse(null))) {
            throw new ApiException(409, "postgresql", Message.of(MessageCode.ERR_BACKUP_POSTGRES));
        }
        Path dataDir = config.dataDir().toAbsolutePath().normalize();
        Path out = Backups.newFile(dataDir.resolve("backups"), Instant.now());
        boolean keyInDataDir = config.masterKey().filter(k -> !k.isBlank()).isEmpty();
        keys.ensureMasterKey();
        try (Connection c = h2.get().getConnection()) {
            Backups.Written written = Backups.write(c, dataDir, keyInDataDir, version, out);
            LOG.infof("Backup written to %s (%d bytes, master key %s)", written.file(), written.bytes(),
                    written.masterKeyIncluded() ? "included" : "not included: it comes from SMARTAI_MASTER_KEY");
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the backup " + out, e);
        } catch (SQLException e) {
            throw new IllegalStateException("the database refused the backup to " + out + ": " + e.getMessage(), e);
        }
    }
}
