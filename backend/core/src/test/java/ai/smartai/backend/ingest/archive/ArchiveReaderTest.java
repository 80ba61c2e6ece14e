package ai.smartai.backend.ingest.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.smartai.backend.ingest.archive.ArchiveReader.Member;
import ai.smartai.model.common.Message;

class ArchiveReaderTest {

    static final ArchiveLimits LIMITS = ArchiveLimits.of(5000, 20 << 20, 300 << 20, 1);

    static Map<String, String> students() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("PB001_张三_作业2.txt", "# PB001 张三\n## 1.\nA\n");
        m.put("作业/PB002_李四_作业2.md", "## 1.\nB\n");
        return m;
    }

    static Map<String, String> contents(ArchiveReader.Result r) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Member member : r.members()) {
            m.put(member.path(), new String(member.bytes(), StandardCharsets.UTF_8));
        }
        return m;
    }

    @Test
    void readsZipWithUtf8Names() throws Exception {
        var r = ArchiveReader.read("hw.zip", Archives.zip(students()), LIMITS);
        assertThat(contents(r)).isEqualTo(students());
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void decodesGbkNamesWithoutTheUtf8Flag() throws Exception {
        var r = ArchiveReader.read("hw.zip", Archives.gbkZip(students()), LIMITS);
        assertThat(contents(r).keySet()).containsExactly("PB001_张三_作业2.txt", "作业/PB002_李四_作业2.md");
    }

    @Test
    void readsSevenZ() throws Exception {
        var r = ArchiveReader.read("hw.7z", Archives.sevenZ(students()), LIMITS);
        assertThat(contents(r)).isEqualTo(students());
    }

    @Test
    void readsTarGz() throws Exception {
        var r = ArchiveReader.read("hw.tar.gz", Archives.tarGz(students()), LIMITS);
        assertThat(contents(r)).isEqualTo(students());
    }

    @Test
    void readsRar4AndRar5() throws Exception {
        var rar4 = ArchiveReader.read("rar4.rar", Archives.resource("rar4.rar"), LIMITS);
        var rar5 = ArchiveReader.read("rar5.rar", Archives.resource("rar5.rar"), LIMITS);
        assertThat(rar4.members()).isNotEmpty();
        assertThat(rar5.members()).isNotEmpty();
        assertThat(rar4.members().get(0).bytes()).isNotEmpty();
        assertThat(rar5.members().get(0).bytes()).isNotEmpty();
    }

    @Test
    void readsUnicodeRarNames() throws Exception {
        var r = ArchiveReader.read("u.rar", Archives.resource("unicode-rar3-utf8-name.rar"), LIMITS);
        assertThat(r.members()).isNotEmpty();
        assertThat(r.members().get(0).path()).isEqualTo("café-résumé-日本語.txt");
        var ansi = ArchiveReader.read("a.rar", Archives.resource("unicode-rar3-ansi-name.rar"), LIMITS);
        assertThat(ansi.members().get(0).path()).isEqualTo("café.txt");
    }

    @Test
    void dropsMacAndWindowsDebris() throws Exception {
        Map<String, String> files = new LinkedHashMap<>(students());
        files.put("__MACOSX/._PB001_张三_作业2.txt", "fork");
        files.put("._PB003.txt", "fork");
        files.put(".DS_Store", "finder");
        files.put("sub/Thumbs.db", "thumbs");
        var r = ArchiveReader.read("hw.zip", Archives.zip(files), LIMITS);
        assertThat(contents(r)).isEqualTo(students());
    }

    @Test
    void expandsANestedArchiveOneLevelDeep() throws Exception {
        byte[] inner = Archives.zip(students());
        byte[] innermost = Archives.zip(Map.of("deep.txt", "too deep"));
        byte[] middle = Archives.zipBytes(Map.of("class-b.zip", inner, "deeper.zip", Archives.zipBytes(
                Map.of("x.zip", innermost))));
        var r = ArchiveReader.read("all.zip", middle, LIMITS);
        assertThat(contents(r).keySet()).contains("class-b.zip/PB001_张三_作业2.txt");
        assertThat(contents(r).keySet()).noneMatch(p -> p.endsWith("deep.txt"));
        assertThat(r.warnings()).extracting(Message::english).anyMatch(w -> w.contains("nested deeper"));
    }

    @Test
    void aPlainDocumentIsItsOwnOnlyMember() throws Exception {
        var r = ArchiveReader.read("PB001_张三.md", "## 1.\nA".getBytes(StandardCharsets.UTF_8), LIMITS);
        assertThat(r.members()).extracting(Member::path).containsExactly("PB001_张三.md");
    }
}
