package ai.smartai.backend.ops;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import ai.smartai.backend.db.DataDirectory;

/**
 * One backup archive format for the admin's online backup and {@code smartai backup}/{@code restore}: a zip laid out
 * like the data directory, so that restoring is unpacking it into an empty one. It holds {@code db/} (H2's own
 * consistent {@code BACKUP TO} of the open database), {@code master.key} (unless the key comes from the environment:
 * then that secret is the operator's to keep), {@code uploads/} and {@code smartai-backup.properties}.
 */
public final class Backups {

    /** What names an archive as ours, with when and by which version it was made. */
    public static final String MANIFEST = "smartai-backup.properties";
    static final String DATABASE = "db/smartai.mv.db";
    static final String MASTER_KEY = "master.key";
    static final String UPLOADS = "uploads/";

    private Backups() {
    }

    /** What a backup holds: the archive, its size, and whether the master key is inside. */
    public record Written(Path file, long bytes, Instant createdAt, boolean masterKeyIncluded) {
    }

    /**
     * Writes the archive {@code out} (which must not exist) from the open H2 database {@code h2} and the data
     * directory. {@code masterKeyInDataDir} is false when {@code SMARTAI_MASTER_KEY(_FILE)} supplies the key.
     */
    public static Written write(Connection h2, Path dataDir, boolean masterKeyInDataDir, String version, Path out)
            throws IOException, SQLException {
        Path dir = out.toAbsolutePath().normalize().getParent();
        if (dir == null) {
            throw new BackupException(out + " names no file to write the backup to");
        }
        if (Files.exists(out)) {
            throw new BackupException(out + " already exists; a backup never replaces a file");
        }
        Files.createDirectories(dir);
        Path dbZip = Files.createTempFile(dir, ".h2-", ".zip", ownerOnly());
        Path partial = Files.createTempFile(dir, ".backup-", ".part", ownerOnly());
        Instant now = Instant.now();
        try {
            Files.delete(dbZip); // H2 writes the file itself
            try (PreparedStatement backup = h2.prepareStatement("BACKUP TO ?")) {
                backup.setString(1, dbZip.toString());
                backup.execute();
            }
            Path key = dataDir.resolve(MASTER_KEY);
            boolean withKey = masterKeyInDataDir && Files.isRegularFile(key);
            try (OutputStream file = Files.newOutputStream(partial);
                    ZipOutputStream zip = new ZipOutputStream(file)) {
                Properties manifest = new Properties();
                manifest.setProperty("created", now.toString());
                manifest.setProperty("version", version);
                manifest.setProperty("master-key-included", Boolean.toString(withKey));
                zip.putNextEntry(new ZipEntry(MANIFEST));
                manifest.store(zip, "SmarTAI backup: unpack into an empty data directory (smartai restore)");
                try (ZipFile db = new ZipFile(dbZip.toFile())) {
                    for (ZipEntry e : db.stream().toList()) {
                        zip.putNextEntry(new ZipEntry("db/" + e.getName()));
                        try (InputStream in = db.getInputStream(e)) {
                            in.transferTo(zip);
                        }
                    }
                }
                if (withKey) {
                    add(zip, key, MASTER_KEY);
                }
                Path uploads = dataDir.resolve(UPLOADS);
                if (Files.isDirectory(uploads)) {
                    try (Stream<Path> files = Files.walk(uploads)) {
                        for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                            add(zip, p, UPLOADS + uploads.relativize(p).toString().replace('\\', '/'));
                        }
                    }
                }
            }
            Files.move(partial, out, StandardCopyOption.ATOMIC_MOVE);
            return new Written(out, Files.size(out), now, withKey);
        } finally {
            Files.deleteIfExists(dbZip);
            Files.deleteIfExists(partial);
        }
    }

    /**
     * Unpacks {@code archive} into {@code dataDir}, owner-only. Refuses (before writing anything) an archive that is
     * not ours or names a path outside the directory, and a directory that already holds any file of the archive:
     * a restore never overwrites data.
     *
     * @return the files written, relative to the data directory
     */
    public static List<String> restore(Path archive, Path dataDir) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile zip = open(archive)) {
            for (ZipEntry e : zip.stream().toList()) {
                if (e.isDirectory()) {
                    continue;
                }
                Path target = dataDir.resolve(e.getName()).normalize();
                if (!target.startsWith(dataDir.normalize()) || e.getName().startsWith("/")) {
                    throw new BackupException(archive + ": the entry '" + e.getName()
                            + "' points outside the data directory; not restoring it");
                }
                if (!e.getName().equals(MANIFEST) && Files.exists(target)) {
                    throw new BackupException(dataDir + " already holds " + e.getName()
                            + "; restore into an empty data directory (nothing was changed)");
                }
                names.add(e.getName());
            }
            if (!names.contains(MANIFEST) || !names.contains(DATABASE)) {
                throw new BackupException(archive + " is not a SmarTAI backup: it has no " + MANIFEST + " and "
                        + DATABASE);
            }
            Files.createDirectories(dataDir);
            List<String> written = new ArrayList<>();
            for (String name : names) {
                if (name.equals(MANIFEST)) {
                    continue;
                }
                Path target = dataDir.resolve(name).normalize();
                Files.createDirectories(Objects.requireNonNull(target.getParent(), name));
                try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
                    Files.copy(in, target);
                }
                written.add(name);
            }
            DataDirectory.restrict(dataDir);
            return written;
        }
    }

    /** The manifest of an archive: when and by which version it was made, and whether its master key is inside. */
    public static Properties manifest(Path archive) throws IOException {
        try (ZipFile zip = open(archive)) {
            ZipEntry e = zip.getEntry(MANIFEST);
            if (e == null) {
                throw new BackupException(archive + " is not a SmarTAI backup: it has no " + MANIFEST);
            }
            Properties p = new Properties();
            try (InputStream in = zip.getInputStream(e)) {
                p.load(in);
            }
            return p;
        }
    }

    /** The names inside an archive, for a quick look (and tests). */
    public static List<String> entries(Path archive) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(archive))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    /** A backup file name that sorts by time: {@code smartai-2026-11-28T05-12-00Z.zip}. */
    public static String fileName(Instant at) {
        return "smartai-" + at.truncatedTo(ChronoUnit.SECONDS).toString().replace(':', '-')
                + ".zip";
    }

    /** A new file in {@code dir} named by {@link #fileName}, with -2, -3 … when backups share a second. */
    public static Path newFile(Path dir, Instant at) {
        String name = fileName(at);
        Path p = dir.resolve(name);
        for (int i = 2; Files.exists(p); i++) {
            p = dir.resolve(name.replace(".zip", "-" + i + ".zip"));
        }
        return p;
    }

    private static ZipFile open(Path archive) throws IOException {
        try {
            return new ZipFile(archive.toFile());
        } catch (NoSuchFileException | FileNotFoundException e) {
            throw new BackupException(archive + " does not exist");
        } catch (ZipException e) {
            throw new BackupException(archive + " is not a zip archive (" + e.getMessage() + ")");
        }
    }

    private static void add(ZipOutputStream zip, Path file, String name) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        Files.copy(file, zip);
    }

    private static FileAttribute<?> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    }

    /** A backup or restore that cannot be done, with a message naming the file and the reason. */
    public static final class BackupException extends IOException {

        public BackupException(String message) {
            super(message);
        }
    }
}
