package ai.smartai.backend.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;

import javax.sql.DataSource;

/**
 * Uploaded files as rows of {@code upload_content} (bytea), in the database every replica shares: an upload received
 * by one replica is parsed by whichever replica holds its job. The bytes are streamed from the received file into
 * the statement, and the row commits with the upload's job (the caller's transaction), so a job never names bytes
 * that are not there. A deleted task's rows go with it ({@code ON DELETE CASCADE}).
 */
public class DatabaseUploadStore implements UploadStore {

    /** A reference this store wrote; anything else is a file of {@link FileUploadStore} from before the switch. */
    static final String PREFIX = "db:";

    private final DataSource dataSource;
    private final FileUploadStore earlierFiles;
    private final Clock clock;

    public DatabaseUploadStore(DataSource dataSource, FileUploadStore earlierFiles, Clock clock) {
        this.dataSource = dataSource;
        this.earlierFiles = earlierFiles;
        this.clock = clock;
    }

    @Override
    public String store(String taskId, String sha256, Path received) {
        try (Connection c = dataSource.getConnection()) {
            if (!exists(c, taskId, sha256)) {
                long size = Files.size(received);
                try (InputStream in = Files.newInputStream(received);
                        PreparedStatement insert = c.prepareStatement("INSERT INTO upload_content "
                                + "(task_id, sha256, size_bytes, content, stored_at) VALUES (?, ?, ?, ?, ?) "
                                // Two replicas receiving the same bytes at once: the second one's row is the same.
                                + "ON CONFLICT DO NOTHING")) {
                    insert.setString(1, taskId);
                    insert.setString(2, sha256);
                    insert.setLong(3, size);
                    insert.setBinaryStream(4, in, size);
                    insert.setTimestamp(5, Timestamp.from(clock.instant()));
                    insert.executeUpdate();
                }
            }
            return PREFIX + taskId + "/" + sha256;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the upload in the database", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the received upload " + received, e);
        }
    }

    @Override
    public byte[] read(String reference) throws IOException {
        if (!reference.startsWith(PREFIX)) {
            return earlierFiles.read(reference);
        }
        String[] key = reference.substring(PREFIX.length()).split("/", 2);
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(
                        "SELECT content FROM upload_content WHERE task_id = ? AND sha256 = ?")) {
            select.setString(1, key[0]);
            select.setString(2, key[1]);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new NoSuchFileException(reference, null, "not in the database");
                }
                try (InputStream in = rs.getBinaryStream(1)) {
                    return in.readAllBytes();
                }
            }
        } catch (SQLException e) {
            throw new IOException("the database did not answer for " + reference, e);
        }
    }

    /** The rows went with the task; files kept before the switch to the database go now. */
    @Override
    public void deleteTask(String taskId) {
        earlierFiles.deleteTask(taskId);
    }

    private static boolean exists(Connection c, String taskId, String sha256) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT 1 FROM upload_content WHERE task_id = ? AND sha256 = ?")) {
            select.setString(1, taskId);
            select.setString(2, sha256);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }
}
