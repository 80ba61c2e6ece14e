package ai.smartai.backend.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;

import ai.smartai.backend.testing.Api;
import io.quarkus.test.junit.QuarkusTest;

/** The admin's online backup: written while the server serves, owner-only, with the master key; teachers may not. */
@QuarkusTest
class BackupApiTest {

    @Test
    void anAdminBacksUpTheRunningDatabaseWithItsMasterKey() throws Exception {
        Api.as(Api.newTeacherToken()).post("/api/admin/backup").then().statusCode(403);

        var backup = Api.as(Api.adminToken()).post("/api/admin/backup").then().statusCode(200).extract();
        Path archive = Path.of(backup.<String>path("file"));
        try {
            assertThat(backup.<Boolean>path("masterKeyIncluded")).as("a key is made if none was yet").isTrue();
            assertThat(archive.getParent().getFileName().toString()).isEqualTo("backups");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(archive))).isEqualTo("rw-------");
            assertThat(Backups.entries(archive)).contains(Backups.MANIFEST, "db/smartai.mv.db", "master.key");
        } finally {
            Files.deleteIfExists(archive);
        }
    }
}
