package ai.smartai.backend.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.h2.jdbcx.JdbcDataSource;

/**
 * The database store on the embedded database ({@code SMARTAI_UPLOADS=db} with H2): the same migration, the same bytes
 * stored twice make one row, and what was kept as a file before the switch is still read.
 */
class DatabaseUploadStoreTest {

    @TempDir
    Path dataDir;

    private JdbcDataSource h2;
    private DatabaseUploadStore store;

    @BeforeEach
    void database() throws Exception {
        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:uploads-" + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE task (id VARCHAR(32) PRIMARY KEY)");
            s.execute("INSERT INTO task VALUES ('t1')");
            s.execute(Files.readString(Path.of("src/main/resources/db/migration/V65__upload_content.sql")));
        }
        store = new DatabaseUploadStore(h2, new FileUploadStore(dataDir), Clock.systemUTC());
    }

    @Test
    void theSameBytesStoredTwiceAreOneRowAndReadBackWhole() throws Exception {
        byte[] bytes = "第1题 答案：42\n".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        Path received = Files.write(dataDir.resolve("received"), bytes);
        String reference = store.store("t1", "abc", received);
        assertThat(store.store("t1", "abc", received)).isEqualTo(reference);
        assertThat(store.read(reference)).isEqualTo(bytes);
        try (Connection c = h2.getConnection();
                Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT count(*), max(size_bytes) FROM upload_content")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.getLong(2)).isEqualTo(bytes.length);
        }
    }

    @Test
    void anUploadKeptAsAFileBeforeTheSwitchIsStillReadAndAMissingOneSaysSo() throws Exception {
        Path received = Files.write(dataDir.resolve("received"), "old".getBytes(StandardCharsets.UTF_8));
        String fileReference = new FileUploadStore(dataDir).store("t1", "old", received);
        assertThat(store.read(fileReference)).isEqualTo("old".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> store.read(DatabaseUploadStore.PREFIX + "t1/none"))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("t1/none");
    }
}
