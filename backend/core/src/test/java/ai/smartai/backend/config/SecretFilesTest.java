package ai.smartai.backend.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFilesTest {

    @Test
    void anOwnerOnlyFileIsReadAndAnOpenOneStopsTheStart(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("db-password");
        Files.writeString(good, "s3cret-from-file\n");
        Files.setPosixFilePermissions(good, PosixFilePermissions.fromString("rw-------"));
        assertThat(SecretFiles.read(good)).isEqualTo("s3cret-from-file");

        Path open = dir.resolve("open-password");
        Files.writeString(open, "leaked");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> SecretFiles.read(open)).hasMessageContaining("chmod 600")
                .hasMessageContaining(open.toString()).hasMessageNotContaining("leaked");
        assertThatThrownBy(() -> SecretFiles.read(dir.resolve("missing"))).hasMessageContaining("missing");
    }
}
