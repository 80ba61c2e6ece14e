package ai.smartai.backend.gradebook;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV files a spreadsheet opens safely, written by commons-csv: UTF-8 with a BOM (Excel needs it to read Chinese),
 * CRLF, and every text value defused so that no cell runs as a formula.
 */
public final class Csv {

    private Csv() {
    }

    /** Writes rows of cells; text cells pass through {@link #text(String)}, numbers are written as they are. */
    public static byte[] write(List<String> header, List<List<Object>> rows) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(header.stream().map(Csv::text).toList());
            for (List<Object> row : rows) {
                printer.printRecord(row.stream().map(c -> c instanceof String s ? text(s) : c).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A text cell a spreadsheet cannot run: when its first visible character starts a formula (= + - @), or it starts
     * with a tab or a line break, an apostrophe goes first. Unicode spaces and line separators count as blank, since
     * spreadsheets skip them. Quoting (commas, quotes, line breaks) is left to the printer.
     */
    public static String text(String value) {
        if (value == null) {
            return "";
        }
        int first = 0;
        while (first < value.length() && blank(value.charAt(first))) {
            first++;
        }
        boolean formula = first < value.length() && "=+-@".indexOf(value.charAt(first)) >= 0
                || value.startsWith("\t") || value.startsWith("\r") || value.startsWith("\n");
        return formula ? "'" + value : value;
    }

    private static boolean blank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }
}
