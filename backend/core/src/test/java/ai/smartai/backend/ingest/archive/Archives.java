package ai.smartai.backend.ingest.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZOutputFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/** Builds test archives in memory, including the odd ones real tools and attackers make. */
public final class Archives {

    private Archives() {
    }

    public static byte[] zip(Map<String, String> files) throws IOException {
        return zip(files, "UTF-8", true);
    }

    /** As a Windows zip tool with a Chinese locale writes it: GBK names, no UTF-8 flag, no Unicode extra field. */
    static byte[] gbkZip(Map<String, String> files) throws IOException {
        return zip(files, "GBK", false);
    }

    static byte[] zip(Map<String, String> files, String encoding, boolean utf8Flag) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            zip.setEncoding(encoding);
            zip.setUseLanguageEncodingFlag(utf8Flag);
            zip.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
            for (var f : files.entrySet()) {
                zip.putArchiveEntry(new ZipArchiveEntry(f.getKey()));
                zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    public static byte[] zipBytes(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            for (var f : files.entrySet()) {
                zip.putArchiveEntry(new ZipArchiveEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A zip whose entries say they are encrypted, as `zip -e` makes them: bit 0 of the flags set in both headers. */
    static byte[] encryptedZip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            ZipArchiveEntry e = new ZipArchiveEntry("secret.txt");
            e.setMethod(ZipArchiveEntry.STORED);
            byte[] data = "scrambled".getBytes(StandardCharsets.UTF_8);
            e.setSize(data.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(data);
            e.setCrc(crc.getValue());
            zip.putArchiveEntry(e);
            zip.write(data);
            zip.closeArchiveEntry();
        }
        byte[] z = bytes.toByteArray();
        for (int i = 0; i + 8 < z.length; i++) {
            if (z[i] == 'P' && z[i + 1] == 'K' && z[i + 2] == 3 && z[i + 3] == 4) {
                z[i + 6] |= 1;
            } else if (z[i] == 'P' && z[i + 1] == 'K' && z[i + 2] == 1 && z[i + 3] == 2) {
                z[i + 8] |= 1;
            }
        }
        return z;
    }

    static byte[] sevenZ(Map<String, String> files) throws IOException {
        SeekableInMemoryByteChannel channel = new SeekableInMemoryByteChannel();
        try (SevenZOutputFile seven = new SevenZOutputFile(channel)) {
            for (var f : files.entrySet()) {
                SevenZArchiveEntry e = new SevenZArchiveEntry();
                e.setName(f.getKey());
                seven.putArchiveEntry(e);
                seven.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                seven.closeArchiveEntry();
            }
        }
        return java.util.Arrays.copyOf(channel.array(), (int) channel.size());
    }

    static byte[] tarGz(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (var f : files.entrySet()) {
                byte[] data = f.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry e = new TarArchiveEntry(f.getKey());
                e.setSize(data.length);
                tar.putArchiveEntry(e);
                tar.write(data);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    static byte[] resource(String name) throws IOException {
        try (var in = Archives.class.getResourceAsStream("/ingest/rar/" + name)) {
            return in.readAllBytes();
        }
    }
}
