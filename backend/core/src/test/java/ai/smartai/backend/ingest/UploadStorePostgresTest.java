package ai.smartai.backend.ingest;

import static ai.smartai.backend.testing.Uploads.DEMO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.smartai.backend.testing.Api;
import ai.smartai.backend.testing.PostgresAvailable;
import ai.smartai.backend.testing.PostgresProfile;
import ai.smartai.backend.testing.TestPostgres;
import ai.smartai.backend.testing.Uploads;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.ConfigProvider;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Uploads on PostgreSQL are kept in the database, not on the disk of the replica that received them: a store of
 * another replica (here a fresh {@link DatabaseUploadStore} on a connection of its own, no Quarkus behind it) reads
 * what this server received, and this server parses what another replica stored.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@PostgresAvailable
class UploadStorePostgresTest {

    private PGSimpleDataSource otherReplica;
    private DatabaseUploadStore otherStore;

    @BeforeEach
    void otherReplica() {
        otherReplica = TestPostgres.otherReplica();
        // Its own data directory, empty: whatever it reads comes from the database.
        otherStore = new DatabaseUploadStore(otherReplica,
                new FileUploadStore(Path.of("target", "other-replica-data")), Clock.systemUTC());
    }

    @Test
    void anUploadReceivedByOneReplicaIsReadByAnotherAndNotKeptOnDisk() throws Exception {
        String token = Api.newTeacherToken();
        String task = Uploads.newTask(token, "shared uploads");
        byte[] problems = Files.readAllBytes(DEMO.resolve("problems.md"));
        String jobId = Uploads.upload(token, task, "problems", "problems.md", problems).then().statusCode(202)
                .extract().path("jobId");
        assertThat(Uploads.awaitJob(token, jobId)).containsEntry("status", "succeeded");

        String reference = inputFile(jobId);
        assertThat(reference).startsWith(DatabaseUploadStore.PREFIX);
        assertThat(otherStore.read(reference)).isEqualTo(problems);
        assertThat(Path.of(ConfigProvider.getConfig().getValue("smartai.data-dir", String.class), "uploads", task))
                .doesNotExist();
    }

    @Test
    void anUploadStoredByAnotherReplicaIsParsedHere() throws Exception {
        String token = Api.newTeacherToken();
        String task = Uploads.newTask(token, "stored elsewhere");
        byte[] problems = Files.readAllBytes(DEMO.resolve("problems.md"));
        Path received = Files.createTempFile("received", ".md");
        Files.write(received, problems);
        String sha = IngestService.sha256(received);
        // The other replica stores the bytes and commits (auto-commit) before this server runs the job.
        String reference = otherStore.store(task, sha, received);
        String jobId = Uploads.upload(token, task, "problems", "problems.md", problems).then().statusCode(202)
                .extract().path("jobId");
        Map<String, Object> job = Uploads.awaitJob(token, jobId);
        assertThat(job).containsEntry("status", "succeeded");
        assertThat(inputFile(jobId)).isEqualTo(reference);
        assertThat(Api.as(token).get("/api/tasks/" + task + "/problems").then().statusCode(200).extract()
                .jsonPath().getList("$")).isNotEmpty();
        Files.delete(received);
    }

    @Test
    void aDeletedTaskDeletesItsStoredUploads() throws Exception {
        String token = Api.newTeacherToken();
        String task = Uploads.newTask(token, "to delete");
        String jobId = Uploads.upload(token, task, "problems", DEMO.resolve("problems.md")).then().statusCode(202)
                .extract().path("jobId");
        Uploads.awaitJob(token, jobId);
        String reference = inputFile(jobId);
        assertThat(storedRows(task)).isEqualTo(1);

        Api.as(token).delete("/api/tasks/" + task).then().statusCode(204);

        assertThat(storedRows(task)).isZero();
        assertThatThrownBy(() -> otherStore.read(reference)).isInstanceOf(NoSuchFileException.class);
    }

    private String inputFile(String jobId) throws SQLException {
        try (Connection c = otherReplica.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT input_file FROM job WHERE id = ?")) {
            s.setString(1, jobId);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private int storedRows(String task) throws SQLException {
        try (Connection c = otherReplica.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM upload_content WHERE task_id = ?")) {
            s.setString(1, task);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
