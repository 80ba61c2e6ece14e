package ai.smartai.backend.ingest.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes homework text whose encoding nobody declared: a BOM wins, then strict UTF-8, then UTF-16 by the pattern of
 * zero bytes, then GB18030 (a superset of GBK and GB2312, which Chinese Windows writes). Never assumes.
 */
public final class TextDecoder {

    public static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** The text, the charset it was read as, and whether that was a guess the teacher should know about. */
    public record Decoded(String text, Charset charset, boolean guessed) {
    }

    private TextDecoder() {
    }

    public static Decoded decode(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8,
                    false);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE),
                    StandardCharsets.UTF_16LE, false);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE),
                    StandardCharsets.UTF_16BE, false);
        }
        String utf8 = strict(bytes, StandardCharsets.UTF_8);
        if (utf8 != null && !looksLikeUtf16(bytes)) {
            return new Decoded(utf8, StandardCharsets.UTF_8, false);
        }
        Charset utf16 = utf16WithoutBom(bytes);
        if (utf16 != null) {
            String text = strict(bytes, utf16);
            if (text != null) {
                return new Decoded(text, utf16, true);
            }
        }
        String latin = lonelyHighBytes(bytes) ? strict(bytes, WINDOWS_1252) : null;
        if (latin != null) {
            // "Núñez", "didn’t" from Windows: bytes above 127 mostly alone, never the pairs GBK writes.
            return new Decoded(latin, WINDOWS_1252, true);
        }
        String gb = strict(bytes, GB18030);
        if (gb != null) {
            return new Decoded(gb, GB18030, false);
        }
        // Nothing decodes cleanly: keep every byte visible rather than fail the upload.
        return new Decoded(new String(bytes, StandardCharsets.UTF_8), StandardCharsets.UTF_8, true);
    }

    /**
     * Whether most runs of bytes above 127 are one byte long: a single-byte Western text ("José", "didn’t"; "Núñez" is
     * a run of two), not GBK, whose characters are pairs.
     */
    private static boolean lonelyHighBytes(byte[] bytes) {
        int runs = 0;
        int single = 0;
        for (int i = 0; i < bytes.length;) {
            if (bytes[i] >= 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < bytes.length && bytes[i] < 0) {
                i++;
            }
            runs++;
            single += i - start == 1 ? 1 : 0;
        }
        return runs > 0 && single * 2 >= runs;
    }

    /**
     * A name from an archive entry stored without a declared encoding: UTF-8 if valid, else GB18030 (Chinese Windows),
     * else the format's own legacy charset ({@code fallback}: CP437 for zip, windows-1252 for RAR and tar).
     */
    public static String decodeName(byte[] raw, Charset fallback) {
        String utf8 = strict(raw, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return utf8;
        }
        String gb = strict(raw, GB18030);
        if (gb != null && gb.codePoints().anyMatch(TextDecoder::isCjk)) {
            return gb;
        }
        return new String(raw, fallback);
    }

    static boolean isCjk(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
    }

    static String strict(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * False for executables, images and other binaries: control bytes other than tab and line breaks, or NULs that
     * are not the regular pattern of UTF-16.
     */
    public static boolean looksLikeText(byte[] bytes) {
        if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF) || utf16WithoutBom(bytes) != null) {
            return true;
        }
        int n = Math.min(bytes.length, 4096);
        int controls = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return false;
            }
            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B)) {
                controls++;
            }
        }
        return controls <= n / 50;
    }

    /** ASCII text in UTF-16 is valid UTF-8 too (with NULs); a NUL in every other byte gives it away. */
    private static boolean looksLikeUtf16(byte[] bytes) {
        return utf16WithoutBom(bytes) != null;
    }

    private static Charset utf16WithoutBom(byte[] bytes) {
        int n = Math.min(bytes.length, 4096) & ~1;
        if (n < 4) {
            return null;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < n; i += 2) {
            if (bytes[i] == 0) {
                evenZeros++;
            }
            if (bytes[i + 1] == 0) {
                oddZeros++;
            }
        }
        int pairs = n / 2;
        if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
