package ai.smartai.backend.ingest.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.smartai.model.common.Message;

/** Archives made to hurt: traversal names, bombs, passwords, damage. None may escape, hang or exhaust memory. */
class HostileArchiveTest {

    static final ArchiveLimits LIMITS = ArchiveReaderTest.LIMITS;

    @Test
    void rejectsZipSlipEntries() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("../../etc/cron.d/evil", "x");
        files.put("/etc/passwd", "x");
        files.put("ok/../../escape.txt", "x");
        files.put("C:\\Windows\\win.ini", "x");
        files.put("PB001_张三.txt", "## 1.\nA");
        var r = ArchiveReader.read("evil.zip", Archives.zip(files), LIMITS);
        assertThat(r.members()).extracting(ArchiveReader.Member::path).containsExactly("PB001_张三.txt");
        assertThat(r.warnings()).extracting(Message::english).hasSize(4)
                .allMatch(w -> w.contains("evil.zip") && w.contains("leaves the archive"));
    }

    @Test
    void rejectsRarTraversalNames() throws Exception {
        for (String name : new String[] { "parent-dir.rar", "sibling-prefix-traversal.rar", "mkdir-escape.rar" }) {
            var r = ArchiveReader.read(name, Archives.resource(name), LIMITS);
            assertThat(r.members()).as(name).allMatch(m -> !m.path().contains("..") && !m.path().startsWith("/"));
        }
    }

    @Test
    void stopsAZipBombAtTheEntryCap() throws Exception {
        byte[] zeros = new byte[30 << 20];
        byte[] bomb = Archives.zipBytes(Map.of("bomb.txt", zeros));
        assertThat(bomb.length).isLessThan(100_000);
        assertThatThrownBy(() -> ArchiveReader.read("bomb.zip", bomb, LIMITS))
                .isInstanceOf(ArchiveException.class)
                .hasMessageContaining("bomb.zip")
                .hasMessageContaining("smartai.ingest.max-entry-bytes");
    }

    @Test
    void stopsManySmallBombsAtTheTotalCap() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < 8; i++) {
            files.put("part" + i + ".txt", new byte[10 << 20]);
        }
        ArchiveLimits tight = ArchiveLimits.of(5000, 20 << 20, 50 << 20, 1);
        assertThatThrownBy(() -> ArchiveReader.read("many.zip", Archives.zipBytes(files), tight))
                .hasMessageContaining("smartai.ingest.max-total-bytes");
    }

    @Test
    void stopsAGzipBombAtTheTotalCap() throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(out)) {
            byte[] chunk = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                gz.write(chunk);
            }
        }
        ArchiveLimits tight = ArchiveLimits.of(5000, 20 << 20, 32 << 20, 1);
        assertThatThrownBy(() -> ArchiveReader.read("bomb.txt.gz", out.toByteArray(), tight))
                .hasMessageContaining("bomb.txt.gz").hasMessageContaining("max-total-bytes");
    }

    @Test
    void stopsTooManyEntries() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < 60; i++) {
            files.put("f" + i + ".txt", "x");
        }
        ArchiveLimits tight = ArchiveLimits.of(50, 20 << 20, 300 << 20, 1);
        assertThatThrownBy(() -> ArchiveReader.read("many.zip", Archives.zip(files), tight))
                .hasMessageContaining("many.zip").hasMessageContaining("smartai.ingest.max-entries");
    }

    @Test
    void aRarClaimingAGigabyteWindowIsReadWithinTheCaps() throws Exception {
        ArchiveLimits tight = ArchiveLimits.of(5000, 1 << 20, 2 << 20, 1);
        var r = ArchiveReader.read("claim.rar", Archives.resource("rar5unpack-m3-1gb-claim.rar"), tight);
        assertThat(r.members()).singleElement().satisfies(m -> assertThat(m.bytes()).hasSize(3200));
    }

    @Test
    void aRarEntryLargerThanTheCapIsRefusedByItsHeader() throws Exception {
        ArchiveLimits tight = ArchiveLimits.of(5000, 1000, 300 << 20, 1);
        assertThatThrownBy(() -> ArchiveReader.read("claim.rar", Archives.resource("rar5unpack-m3-1gb-claim.rar"),
                tight)).isInstanceOf(ArchiveException.class).hasMessageContaining("claim.rar")
                .hasMessageContaining("max-entry-bytes");
    }

    @Test
    void namesAPasswordProtectedArchive() throws Exception {
        assertThatThrownBy(() -> ArchiveReader.read("secret.zip", Archives.encryptedZip(), LIMITS))
                .isInstanceOf(ArchiveException.class)
                .hasMessageContaining("secret.zip").hasMessageContaining("password");
        assertThatThrownBy(() -> ArchiveReader.read("secret.rar",
                Archives.resource("password-rar4-password-junrar.rar"), LIMITS))
                .isInstanceOf(ArchiveException.class)
                .hasMessageContaining("secret.rar").hasMessageContaining("password");
    }

    @Test
    void namesACorruptArchive() throws Exception {
        assertThatThrownBy(() -> ArchiveReader.read("broken.rar", Archives.resource("abnormal-corrupt-header.rar"),
                LIMITS)).isInstanceOf(ArchiveException.class).hasMessageContaining("broken.rar");
        byte[] sevenZ = Archives.sevenZ(Map.of("a.txt", "hello"));
        byte[] cut7z = Arrays.copyOf(sevenZ, sevenZ.length / 2);
        assertThatThrownBy(() -> ArchiveReader.read("cut.7z", cut7z, LIMITS))
                .isInstanceOf(ArchiveException.class).hasMessageContaining("cut.7z");
        byte[] garbage = "PK\u0003\u0004 not really a zip".getBytes();
        assertThatThrownBy(() -> ArchiveReader.read("fake.zip", garbage, LIMITS))
                .isInstanceOf(ArchiveException.class).hasMessageContaining("fake.zip");
    }

    @Test
    void keepsTheStudentsBeforeTheDamageInATruncatedZip() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            files.put("PB00" + i + "_学生.txt", "## 1.\n" + new java.util.Random(i).ints(400, 0, 1 << 30)
                    .mapToObj(Integer::toHexString).reduce("", String::concat));
        }
        byte[] zip = Archives.zip(files);
        byte[] cut = Arrays.copyOf(zip, zip.length * 2 / 3);
        var r = ArchiveReader.read("cut.zip", cut, LIMITS);
        assertThat(r.members()).hasSizeBetween(3, 9);
        assertThat(r.warnings()).extracting(Message::english)
                .anyMatch(w -> w.contains("cut.zip") && w.contains("damaged"));
    }
}
