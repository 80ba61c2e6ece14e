package ai.smartai.backend.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import ai.smartai.backend.db.DatabaseSelection;
import ai.smartai.backend.ops.Backups;
import org.h2.Driver;

/**
 * {@code smartai backup [--out FILE]} and {@code smartai restore FILE}: the embedded database, the master key and the
 * uploads of {@code SMARTAI_DATA_DIR}, in the archive format of the admin's online backup ({@link Backups}). Plain
 * JDBC, no server: a backup taken before an upgrade must not be migrated by the new version first. While SmarTAI runs,
 * H2 keeps its file to itself: then the backup is made online, from Settings or {@code POST /api/admin/backup}.
 */
public final class BackupCommand {

    static final String USAGE_TEXT = """
            usage: smartai backup [--out FILE]   the data directory (SMARTAI_DATA_DIR) into one zip, SmarTAI stopped
                                                  (default: <data dir>/backups/smartai-<time>.zip)
                   smartai restore FILE          unpack a backup into an empty data directory (SMARTAI_DATA_DIR)""";

    /** H2's codes for "the file is open in another process" and "there is no database at this path". */
    private static final int H2_ALREADY_OPEN = 90020;
    private static final int H2_NOT_FOUND = 90146;

    private final Path cwd;
    private final Path dataDir;
    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    /** {@code env}: the process environment; {@code cwd}: where relative paths are meant from. */
    public BackupCommand(Map<String, String> env, Path cwd, PrintStream out, PrintStream err) {
        this.env = env;
        this.cwd = cwd;
        this.dataDir = cwd.resolve(env.getOrDefault("SMARTAI_DATA_DIR", "data")).toAbsolutePath().normalize();
        this.out = out;
        this.err = err;
    }

    public int backup(List<String> args) {
        if (!(args.isEmpty() || (args.size() == 2 && args.get(0).equals("--out")))) {
            err.println(USAGE_TEXT);
            return GradeCommand.USAGE;
        }
        if (DatabaseSelection.isPostgres(env.get("SMARTAI_DB_URL"))) {
            err.println("SMARTAI_DB_URL names a PostgreSQL database: back it up with pg_dump, and keep the master key "
                    + "beside it (docs/deployment.md)");
            return GradeCommand.USAGE;
        }
        Path target = args.isEmpty() ? Backups.newFile(dataDir.resolve("backups"), Instant.now())
                : cwd.resolve(args.get(1)).toAbsolutePath().normalize();
        if (Files.exists(target)) {
            err.println(target + " already exists; name a new file");
            return GradeCommand.FAILED;
        }
        boolean keyInDataDir = blank("SMARTAI_MASTER_KEY") && blank("SMARTAI_MASTER_KEY_FILE");
        Properties user = new Properties();
        user.setProperty("user", "smartai");
        user.setProperty("password", "");
        try (Connection c = new Driver().connect(DatabaseSelection.h2Url(dataDir) + ";IFEXISTS=TRUE", user)) {
            Backups.Written w = Backups.write(c, dataDir, keyInDataDir, version(), target);
            out.printf("Backup written to %s (%d bytes)%n", w.file(), w.bytes());
            out.println(w.masterKeyIncluded() ? "It holds the master key: keep it as private as the data."
                    : "It does not hold the master key (SMARTAI_MASTER_KEY or _FILE supplies it): keep that secret "
                            + "with the backup, or the provider keys cannot be read after a restore.");
            return GradeCommand.OK;
        } catch (SQLException e) {
            err.println(switch (e.getErrorCode()) {
                case H2_ALREADY_OPEN -> "the database in " + dataDir.resolve("db") + " is in use: SmarTAI is "
                        + "running. Stop it, or back up online from Settings (POST /api/admin/backup)";
                case H2_NOT_FOUND -> "there is no SmarTAI database in " + dataDir.resolve("db")
                        + " (SMARTAI_DATA_DIR names the data directory)";
                default -> "the database in " + dataDir.resolve("db") + " could not be backed up: " + e.getMessage();
            });
            return GradeCommand.FAILED;
        } catch (IOException e) {
            err.println("the backup " + target + " could not be written: " + e.getMessage());
            return GradeCommand.FAILED;
        }
    }

    public int restore(List<String> args) {
        if (args.size() != 1 || args.get(0).startsWith("--")) {
            err.println(USAGE_TEXT);
            return GradeCommand.USAGE;
        }
        Path archive = cwd.resolve(args.get(0)).toAbsolutePath().normalize();
        try {
            Properties manifest = Backups.manifest(archive);
            List<String> written = Backups.restore(archive, dataDir);
            out.printf("Restored %d files from %s (made %s by SmarTAI %s) into %s%n", written.size(), archive,
                    manifest.getProperty("created"), manifest.getProperty("version"), dataDir);
            if (!Boolean.parseBoolean(manifest.getProperty("master-key-included"))) {
                out.println("The backup has no master key: start SmarTAI with the SMARTAI_MASTER_KEY (or _FILE) it "
                        + "was made with, or teachers must enter their provider keys again.");
            }
            out.println("Start SmarTAI with SMARTAI_DATA_DIR=" + dataDir + "; an older backup is migrated forward.");
            return GradeCommand.OK;
        } catch (IOException e) {
            err.println(e.getMessage());
            return GradeCommand.FAILED;
        }
    }

    private boolean blank(String name) {
        String v = env.get(name);
        return v == null || v.isBlank();
    }

    /** The build's version, from the backend jar's Maven descriptor ("unknown" when run from classes). */
    static String version() {
        try (InputStream in = BackupCommand.class.getResourceAsStream(
                "/META-INF/maven/ai.smartai/smartai-backend/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
