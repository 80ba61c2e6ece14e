package ai.smartai.backend.ingest.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.text.TextPosition;

/**
 * The indentation of code printed in a PDF. A PDF places each line at a position and keeps no leading spaces, so a
 * Python program loses its blocks when its text is extracted. A line set in a monospaced font is marked with where it
 * starts; each run of such lines then gets back one space per character width it stands right of the run's leftmost
 * line.
 */
final class MonospaceIndent {

    /** Private-use characters around the mark: they never occur in a PDF's text and never leave this class. */
    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';
    private static final Pattern MARK = Pattern.compile("^" + OPEN + "(-?\\d+(?:\\.\\d+)?),(\\d+(?:\\.\\d+)?)" + CLOSE);
    private static final Pattern MONO_NAME = Pattern.compile("mono|courier|consol|code|typewriter|fixed|menlo|cmtt",
            Pattern.CASE_INSENSITIVE);
    /** More would be a layout (a second column, a right-aligned note), not an indent. */
    private static final int MAX_INDENT = 40;

    private MonospaceIndent() {
    }

    /** The mark for a line that starts with {@code positions}, or "" when its first glyph is not monospaced. */
    static String mark(List<TextPosition> positions) {
        if (positions.isEmpty()) {
            return "";
        }
        TextPosition first = positions.get(0);
        float width = first.getWidthDirAdj();
        if (!monospaced(first.getFont()) || width <= 0.5f) {
            return "";
        }
        return OPEN + String.format(Locale.ROOT, "%.2f,%.2f", first.getXDirAdj(), width) + CLOSE;
    }

    private static boolean monospaced(PDFont font) {
        if (font == null) {
            return false;
        }
        PDFontDescriptor d = font.getFontDescriptor();
        return d != null && d.isFixedPitch() || font.getName() != null && MONO_NAME.matcher(font.getName()).find();
    }

    /** The page's text with its marks turned into leading spaces; blank lines do not break a run. */
    static String resolve(String page) {
        if (page.indexOf(OPEN) < 0) {
            return page;
        }
        String[] lines = page.split("\n", -1);
        List<Integer> run = new ArrayList<>();
        for (int i = 0; i <= lines.length; i++) {
            boolean marked = i < lines.length && MARK.matcher(lines[i]).find();
            if (marked) {
                run.add(i);
            } else if (i == lines.length || !lines[i].isBlank()) {
                indent(lines, run);
                run.clear();
            }
        }
        return String.join("\n", lines).replaceAll("[" + OPEN + CLOSE + "]", "");
    }

    private static void indent(String[] lines, List<Integer> run) {
        double left = Double.MAX_VALUE;
        for (int i : run) {
            Matcher m = MARK.matcher(lines[i]);
            m.find();
            left = Math.min(left, Double.parseDouble(m.group(1)));
        }
        for (int i : run) {
            Matcher m = MARK.matcher(lines[i]);
            m.find();
            long spaces = Math.round((Double.parseDouble(m.group(1)) - left) / Double.parseDouble(m.group(2)));
            lines[i] = " ".repeat((int) Math.min(MAX_INDENT, Math.max(0, spaces))) + lines[i].substring(m.end());
        }
    }
}
