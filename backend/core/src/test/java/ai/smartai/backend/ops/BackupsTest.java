package ai.smartai.backend.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.smartai.backend.db.DatabaseSelection;
import org.h2.Driver;

/** The backup archive round-trips a live H2 database, the master key and uploads, and a restore never overwrites. */
class BackupsTest {

    @TempDir
    Path tmp;

    @Test
    void restoresTheDatabaseMasterKeyAndUploadsIntoAnEmptyDirectory() throws Exception {
        Path data = dataDir("data");
        Path archive = tmp.resolve("out/" + Backups.fileName(Instant.parse("2026-11-28T05:12:00.5Z")));
        assertThat(archive.getFileName().toString()).isEqualTo("smartai-2026-11-28T05-12-00Z.zip");
        Backups.Written written;
        try (Connection c = open(data)) {
            written = Backups.write(c, data, true, "9.9.9", archive);
            // The server keeps writing during an online backup; the archive has the state at its start.
            c.createStatement().execute("insert into task values ('t2', 'after the backup')");
        }
        assertThat(written.masterKeyIncluded()).isTrue();
        assertThat(Backups.newFile(archive.getParent(), Instant.parse("2026-11-28T05:12:00Z")).getFileName())
                .as("two backups in one second").hasToString("smartai-2026-11-28T05-12-00Z-2.zip");
        try (Connection c = open(data)) {
            assertThatThrownBy(() -> Backups.write(c, data, true, "9.9.9", archive))
                    .hasMessageContaining("already exists; a backup never replaces a file");
        }
        assertThat(written.bytes()).isEqualTo(Files.size(archive));
        assertThat(Files.list(archive.getParent()).toList()).as("no temporary file left").containsExactly(archive);
        assertThat(Backups.entries(archive)).containsExactly(Backups.MANIFEST, "db/smartai.mv.db", "master.key",
                "uploads/t1/abc");
        assertThat(Backups.manifest(archive).getProperty("version")).isEqualTo("9.9.9");

        Path restored = tmp.resolve("restored");
        assertThat(Backups.restore(archive, restored)).containsExactly("db/smartai.mv.db", "master.key",
                "uploads/t1/abc");
        assertThat(Files.readString(restored.resolve("master.key"))).isEqualTo("a-master-key");
        assertThat(Files.readString(restored.resolve("uploads/t1/abc"))).isEqualTo("作业 bytes");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(restored.resolve("master.key"))))
                .isEqualTo("rw-------");
        try (Connection c = open(restored);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select name from task order by id")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("备份 task");
            assertThat(rs.next()).as("only what was there when the backup began").isFalse();
        }
    }

    @Test
    void leavesTheMasterKeyOutWhenTheEnvironmentSuppliesIt() throws Exception {
        Path data = dataDir("data");
        Path archive = tmp.resolve("b.zip");
        try (Connection c = open(data)) {
            assertThat(Backups.write(c, data, false, "1", archive).masterKeyIncluded()).isFalse();
        }
        assertThat(Backups.entries(archive)).doesNotContain("master.key");
        assertThat(Backups.manifest(archive).getProperty("master-key-included")).isEqualTo("false");
    }

    @Test
    void refusesToOverwriteADataDirectoryAndChangesNothing() throws Exception {
        Path data = dataDir("data");
        Path archive = tmp.resolve("b.zip");
        try (Connection c = open(data)) {
            Backups.write(c, data, true, "1", archive);
        }
        Path target = tmp.resolve("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("master.key"), "another key");
        assertThatThrownBy(() -> Backups.restore(archive, target)).isInstanceOf(Backups.BackupException.class)
                .hasMessageContaining(target.toString()).hasMessageContaining("already holds master.key");
        assertThat(target.resolve("db")).doesNotExist();
        assertThat(Files.readString(target.resolve("master.key"))).isEqualTo("another key");
    }

    @Test
    void refusesArchivesThatAreNotBackupsOrEscapeTheDirectory() throws Exception {
        Path notZip = Files.writeString(tmp.resolve("notes.zip"), "hello");
        assertThatThrownBy(() -> Backups.restore(notZip, tmp.resolve("t1")))
                .hasMessageContaining(notZip.toString()).hasMessageContaining("not a zip archive");

        Path foreign = zip("foreign.zip", "readme.txt");
        assertThatThrownBy(() -> Backups.restore(foreign, tmp.resolve("t2")))
                .hasMessageContaining(foreign.toString()).hasMessageContaining("is not a SmarTAI backup");

        Path slip = zip("slip.zip", Backups.MANIFEST, "db/smartai.mv.db", "../../outside");
        assertThatThrownBy(() -> Backups.restore(slip, tmp.resolve("t3")))
                .hasMessageContaining("'../../outside' points outside the data directory");
        assertThat(tmp.resolve("t3")).doesNotExist();
        assertThat(tmp.getParent().resolve("outside")).doesNotExist();

        assertThatThrownBy(() -> Backups.restore(tmp.resolve("missing.zip"), tmp.resolve("t4")))
                .hasMessageContaining("missing.zip does not exist");
    }

    private Path dataDir(String name) throws Exception {
        Path data = tmp.resolve(name);
        Files.createDirectories(data.resolve("uploads/t1"));
        Files.writeString(data.resolve("master.key"), "a-master-key");
        Files.writeString(data.resolve("uploads/t1/abc"), "作业 bytes");
        try (Connection c = open(data); Statement s = c.createStatement()) {
            s.execute("create table task (id varchar(10) primary key, name varchar(100))");
            s.execute("insert into task values ('t1', '备份 task')");
        }
        return data;
    }

    private static Connection open(Path data) throws Exception {
        Properties user = new Properties();
        user.setProperty("user", "smartai");
        user.setProperty("password", "");
        return new Driver().connect(DatabaseSelection.h2Url(data), user);
    }

    private Path zip(String name, String... entries) throws Exception {
        Path p = tmp.resolve(name);
        try (OutputStream out = Files.newOutputStream(p); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String e : entries) {
                zip.putNextEntry(new ZipEntry(e));
                zip.write("x".getBytes(StandardCharsets.UTF_8));
            }
        }
        return p;
    }
}
