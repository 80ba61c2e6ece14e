package ai.smartai.backend.ingest.archive;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

import ai.smartai.backend.ingest.text.TextDecoder;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import com.github.junrar.Archive;
import com.github.junrar.exception.RarException;
import com.github.junrar.exception.UnsupportedRarEncryptedException;
import com.github.junrar.rarfile.FileHeader;
import org.apache.commons.compress.PasswordRequiredException;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.UnicodePathExtraField;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Expands an uploaded archive in memory, never on disk, so no entry name can write anywhere. Every cap counts bytes
 * actually decompressed; headers are not trusted. Debris (macOS forks, Finder and Explorer files) is dropped.
 */
public final class ArchiveReader {

    /** One file from the archive, with its path inside it (nested archives as "outer.zip/inner.zip/file"). */
    public record Member(String path, byte[] bytes) {
        public String fileName() {
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    public record Result(List<Member> members, List<Message> warnings) {
    }

    enum Format {
        ZIP,
        SEVEN_Z,
        RAR,
        TAR,
        GZIP,
        BZIP2,
        XZ,
        NONE
    }

    private static final Charset CP437 = Charset.forName("IBM437");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final ArchiveLimits limits;
    private final List<Member> members = new ArrayList<>();
    private final List<Message> warnings = new ArrayList<>();
    private long totalBytes;
    private int entries;

    private ArchiveReader(ArchiveLimits limits) {
        this.limits = limits;
    }

    public static boolean isArchive(String fileName, byte[] bytes) {
        return detect(fileName, bytes) != Format.NONE;
    }

    /** The files of an archive; a plain document comes back as the only member. */
    public static Result read(String fileName, byte[] bytes, ArchiveLimits limits) throws ArchiveException {
        ArchiveReader reader = new ArchiveReader(limits);
        if (detect(fileName, bytes) == Format.NONE) {
            reader.members.add(new Member(fileName, bytes));
        } else {
            reader.expand(fileName, "", bytes, 0);
        }
        return new Result(Collections.unmodifiableList(reader.members), Collections.unmodifiableList(reader.warnings));
    }

    private void expand(String archiveName, String prefix, byte[] bytes, int depth) throws ArchiveException {
        try {
            switch (detect(archiveName, bytes)) {
                case ZIP -> zip(archiveName, prefix, bytes, depth);
                case SEVEN_Z -> sevenZ(archiveName, prefix, bytes, depth);
                case RAR -> rar(archiveName, prefix, bytes, depth);
                case TAR -> tar(archiveName, prefix, new ByteArrayInputStream(bytes), depth);
                case GZIP ->
                    compressed(archiveName, prefix, new GzipCompressorInputStream(new ByteArrayInputStream(bytes)),
                            depth);
                case BZIP2 -> compressed(archiveName, prefix,
                        new BZip2CompressorInputStream(new ByteArrayInputStream(bytes)), depth);
                case XZ -> compressed(archiveName, prefix, new XZCompressorInputStream(new ByteArrayInputStream(bytes)),
                        depth);
                case NONE -> add(prefix + archiveName, bytes, depth);
            }
        } catch (ArchiveException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ArchiveException("archive_corrupt", Message.of(MessageCode.ARCHIVE_INCOMPLETE, archiveName,
                    message(e)), e);
        }
    }

    private void zip(String archiveName, String prefix, byte[] bytes, int depth) throws IOException, ArchiveException {
        ZipFile zip;
        try {
            zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes))
                    .setUseUnicodeExtraFields(true).get();
        } catch (IOException broken) {
            salvageZip(archiveName, prefix, bytes, depth, broken);
            return;
        }
        try (zip) {
            Enumeration<ZipArchiveEntry> all = zip.getEntriesInPhysicalOrder();
            while (all.hasMoreElements()) {
                ZipArchiveEntry e = all.nextElement();
                String name = admitZipEntry(archiveName, e);
                if (name == null) {
                    continue;
                }
                if (!zip.canReadEntryData(e)) {
                    warnings.add(Message.of(MessageCode.ARCHIVE_SKIPPED_METHOD, archiveName, name, e.getMethod()));
                    continue;
                }
                try (InputStream in = zip.getInputStream(e)) {
                    member(archiveName, prefix, name, in, depth);
                }
            }
        }
    }

    /** A zip without a readable central directory (cut short by a browser, say): keep the files before the damage. */
    private void salvageZip(String archiveName, String prefix, byte[] bytes, int depth, IOException broken)
            throws ArchiveException {
        int before = members.size();
        try (ZipArchiveInputStream in = new ZipArchiveInputStream(new ByteArrayInputStream(bytes),
                StandardCharsets.UTF_8.name(), true, true)) {
            ZipArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                String name = admitZipEntry(archiveName, e);
                if (name != null) {
                    member(archiveName, prefix, name, in, depth);
                }
            }
        } catch (ArchiveException e) {
            throw e;
        } catch (IOException | RuntimeException stop) {
            // The damage: stop here and report what was kept.
        }
        int kept = members.size() - before;
        if (kept == 0) {
            throw new ArchiveException("archive_corrupt", Message.of(MessageCode.ARCHIVE_NOT_ZIP, archiveName,
                    message(broken)), broken);
        }
        warnings.add(Message.of(MessageCode.ARCHIVE_PARTLY_READ, archiveName, message(broken), kept));
    }

    /** The entry's name if it is a file to read (counted against the cap), null for directories and debris. */
    private String admitZipEntry(String archiveName, ZipArchiveEntry e) throws ArchiveException {
        String name = zipName(e);
        if (e.isDirectory() || isDebris(name)) {
            return null;
        }
        if (e.getGeneralPurposeBit().usesEncryption()) {
            throw encrypted(archiveName);
        }
        countEntry(archiveName);
        return name;
    }

    /** Names without the UTF-8 flag are decoded by detection (GBK from Chinese Windows is common), not as CP437. */
    private static String zipName(ZipArchiveEntry e) {
        if (e.getGeneralPurposeBit().usesUTF8ForNames() || e.getExtraField(UnicodePathExtraField.UPATH_ID) != null) {
            return e.getName();
        }
        byte[] raw = e.getRawName();
        return raw == null ? e.getName() : TextDecoder.decodeName(raw, CP437);
    }

    private void sevenZ(String archiveName, String prefix, byte[] bytes, int depth) throws IOException,
            ArchiveException {
        try (SevenZFile seven = SevenZFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes))
                .get()) {
            SevenZArchiveEntry e;
            while ((e = seven.getNextEntry()) != null) {
                if (e.isDirectory() || !e.hasStream() || isDebris(e.getName())) {
                    continue;
                }
                countEntry(archiveName);
                member(archiveName, prefix, e.getName(), new InputStream() {
                    @Override
                    public int read() throws IOException {
                        return seven.read();
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        return seven.read(b, off, len);
                    }
                }, depth);
            }
        } catch (PasswordRequiredException e) {
            throw encrypted(archiveName);
        }
    }

    private void rar(String archiveName, String prefix, byte[] bytes, int depth) throws IOException,
            ArchiveException {
        try (Archive rar = new Archive(new ByteArrayInputStream(bytes))) {
            if (rar.isEncrypted() || rar.isPasswordProtected()) {
                throw encrypted(archiveName);
            }
            for (FileHeader h : rar.getFileHeaders()) {
                String name = rarName(h);
                if (h.isDirectory() || isDebris(name)) {
                    continue;
                }
                if (h.isEncrypted()) {
                    throw encrypted(archiveName);
                }
                countEntry(archiveName);
                if (h.getFullUnpackSize() > limits.maxEntryBytes()) {
                    throw tooLarge(archiveName, MessageCode.ARCHIVE_ENTRY_CLAIMS, name, h.getFullUnpackSize(),
                            "smartai.ingest.max-entry-bytes", limits.maxEntryBytes());
                }
                if (!safe(archiveName, name)) {
                    continue;
                }
                BoundedBuffer out = new BoundedBuffer(archiveName, name);
                try {
                    rar.extractFile(h, out);
                } catch (RarException e) {
                    if (e.getCause() instanceof BoundedBuffer.Overflow overflow) {
                        throw overflow.exception;
                    }
                    throw e;
                }
                add(prefix + clean(name), out.toByteArray(), depth);
            }
        } catch (UnsupportedRarEncryptedException e) {
            throw encrypted(archiveName);
        } catch (RarException e) {
            if (e.getCause() instanceof BoundedBuffer.Overflow overflow) {
                throw overflow.exception;
            }
            throw new ArchiveException("archive_corrupt", Message.of(MessageCode.ARCHIVE_BAD_RAR, archiveName,
                    message(e)), e);
        }
    }

    private static String rarName(FileHeader h) {
        if (!h.isUnicode() && h.getFileNameByteArray() != null) {
            return TextDecoder.decodeName(h.getFileNameByteArray(), WINDOWS_1252).replace('\\', '/');
        }
        return h.getFileName().replace('\\', '/');
    }

    private void tar(String archiveName, String prefix, InputStream raw, int depth) throws IOException,
            ArchiveException {
        // ISO-8859-1 keeps the name's bytes, so they can be decoded by detection like zip names.
        try (TarArchiveInputStream tar = new TarArchiveInputStream(raw, StandardCharsets.ISO_8859_1.name())) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                if (!e.isFile()) {
                    continue;
                }
                String name = tarName(e);
                if (isDebris(name)) {
                    continue;
                }
                countEntry(archiveName);
                member(archiveName, prefix, name, tar, depth);
            }
        }
    }

    private static String tarName(ArchiveEntry e) {
        String name = e.getName();
        boolean bytesOnly = name.chars().allMatch(c -> c <= 0xFF);
        return bytesOnly ? TextDecoder.decodeName(name.getBytes(StandardCharsets.ISO_8859_1), WINDOWS_1252) : name;
    }

    /** .tar.gz, .tgz, .tar.bz2, .tar.xz, or one compressed document. */
    private void compressed(String archiveName, String prefix, InputStream decompressing, int depth)
            throws IOException, ArchiveException {
        byte[] inner;
        try (decompressing) {
            BoundedBuffer out = new BoundedBuffer(archiveName, archiveName);
            out.maxEntry = limits.maxTotalBytes() - totalBytes;
            out.entryCap = "smartai.ingest.max-total-bytes";
            try {
                decompressing.transferTo(out);
            } catch (BoundedBuffer.Overflow overflow) {
                throw overflow.exception;
            }
            inner = out.toByteArray();
        }
        // The members count against the total as they are read; don't count these bytes twice.
        totalBytes -= inner.length;
        String innerName = archiveName.replaceFirst("(?i)\\.(tgz)$", ".tar").replaceFirst("(?i)\\.(gz|bz2|xz)$", "");
        if (isTar(inner)) {
            tar(archiveName, prefix, new ByteArrayInputStream(inner), depth);
        } else {
            countEntry(archiveName);
            add(prefix + innerName.substring(innerName.lastIndexOf('/') + 1), inner, depth);
        }
    }

    private void member(String archiveName, String prefix, String name, InputStream in, int depth)
            throws IOException, ArchiveException {
        if (!safe(archiveName, name)) {
            return;
        }
        BoundedBuffer out = new BoundedBuffer(archiveName, name);
        try {
            in.transferTo(out);
        } catch (BoundedBuffer.Overflow overflow) {
            throw overflow.exception;
        }
        add(prefix + clean(name), out.toByteArray(), depth);
    }

    private void add(String path, byte[] bytes, int depth) throws ArchiveException {
        Format inner = detect(path, bytes);
        if (inner != Format.NONE && inner != Format.GZIP && depth < limits.maxNesting()) {
            expand(path.substring(path.lastIndexOf('/') + 1), path + "/", bytes, depth + 1);
            return;
        }
        if (inner != Format.NONE && depth >= limits.maxNesting()) {
            warnings.add(Message.of(MessageCode.ARCHIVE_TOO_DEEP, path, limits.maxNesting()));
            return;
        }
        members.add(new Member(path, bytes));
    }

    /** Entry names are data: absolute paths and ".." never become files, and are reported. */
    private boolean safe(String archiveName, String name) {
        String n = name.replace('\\', '/');
        boolean traversal = n.startsWith("/") || n.matches("^[A-Za-z]:.*") || ("/" + n + "/").contains("/../");
        if (traversal) {
            warnings.add(Message.of(MessageCode.ARCHIVE_ENTRY_ESCAPES, archiveName, name));
        }
        return !traversal;
    }

    private static String clean(String name) {
        String n = name.replace('\\', '/');
        while (n.startsWith("./")) {
            n = n.substring(2);
        }
        return n;
    }

    static boolean isDebris(String path) {
        String p = path.replace('\\', '/');
        String base = p.substring(p.lastIndexOf('/') + 1);
        return p.startsWith("__MACOSX/") || p.contains("/__MACOSX/") || base.startsWith("._")
                || base.equals(".DS_Store") || base.equalsIgnoreCase("Thumbs.db")
                || base.equalsIgnoreCase("desktop.ini")
                || base.isEmpty();
    }

    private void countEntry(String archiveName) throws ArchiveException {
        if (++entries > limits.maxEntries()) {
            throw tooLarge(archiveName, MessageCode.ARCHIVE_MORE_FILES, "", limits.maxEntries(),
                    "smartai.ingest.max-entries",
                    limits.maxEntries());
        }
    }

    private static ArchiveException encrypted(String archiveName) {
        return new ArchiveException("archive_encrypted", Message.of(MessageCode.ARCHIVE_ENCRYPTED, archiveName));
    }

    /** {@code what} says what went past the limit held by the setting {@code cap}; {@code entry} and {@code size} fill it. */
    private static ArchiveException tooLarge(String archiveName, MessageCode what, String entry, long size, String cap,
            long limit) {
        return new ArchiveException("archive_too_large", Message.of(what, archiveName, entry, cap, limit, size));
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    static Format detect(String fileName, byte[] b) {
        if (b.length >= 4 && b[0] == 'P' && b[1] == 'K' && (b[2] == 3 || b[2] == 5 || b[2] == 7)) {
            String ext = fileName.toLowerCase(Locale.ROOT);
            // .docx/.xlsx are zips too, but they are documents.
            return ext.endsWith(".docx") || ext.endsWith(".xlsx") || ext.endsWith(".pptx") ? Format.NONE : Format.ZIP;
        }
        if (b.length >= 6 && (b[0] & 0xFF) == 0x37 && (b[1] & 0xFF) == 0x7A && (b[2] & 0xFF) == 0xBC
                && (b[3] & 0xFF) == 0xAF && (b[4] & 0xFF) == 0x27 && (b[5] & 0xFF) == 0x1C) {
            return Format.SEVEN_Z;
        }
        if (b.length >= 7 && b[0] == 'R' && b[1] == 'a' && b[2] == 'r' && b[3] == '!' && b[4] == 0x1A
                && b[5] == 0x07) {
            return Format.RAR;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0x1F && (b[1] & 0xFF) == 0x8B) {
            return Format.GZIP;
        }
        if (b.length >= 3 && b[0] == 'B' && b[1] == 'Z' && b[2] == 'h') {
            return Format.BZIP2;
        }
        if (b.length >= 6 && (b[0] & 0xFF) == 0xFD && b[1] == '7' && b[2] == 'z' && b[3] == 'X' && b[4] == 'Z') {
            return Format.XZ;
        }
        return isTar(b) ? Format.TAR : Format.NONE;
    }

    private static boolean isTar(byte[] b) {
        return b.length >= 262 && b[257] == 'u' && b[258] == 's' && b[259] == 't' && b[260] == 'a' && b[261] == 'r';
    }

    /** Collects one entry's bytes and stops at the per-entry and total caps. */
    private final class BoundedBuffer extends OutputStream {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final String archiveName;
        private final String entryName;
        long maxEntry = limits.maxEntryBytes();
        String entryCap = "smartai.ingest.max-entry-bytes";
        private long written;

        BoundedBuffer(String archiveName, String entryName) {
            this.archiveName = archiveName;
            this.entryName = entryName;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] { (byte) b }, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            written += len;
            totalBytes += len;
            if (written > maxEntry) {
                throw new Overflow(tooLarge(archiveName, MessageCode.ARCHIVE_ENTRY_EXPANDS, entryName, maxEntry,
                        entryCap,
                        maxEntry));
            }
            if (totalBytes > limits.maxTotalBytes()) {
                throw new Overflow(tooLarge(archiveName, MessageCode.ARCHIVE_FILES_EXPAND, "",
                        limits.maxTotalBytes(),
                        "smartai.ingest.max-total-bytes", limits.maxTotalBytes()));
            }
            buffer.write(b, off, len);
        }

        byte[] toByteArray() {
            return buffer.toByteArray();
        }

        /** Carries the cap's error through libraries that wrap IOExceptions. */
        static final class Overflow extends IOException {
            final ArchiveException exception;

            Overflow(ArchiveException exception) {
                super(exception.getMessage());
                this.exception = exception;
            }
        }
    }
}
