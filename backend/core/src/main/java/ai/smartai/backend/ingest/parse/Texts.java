package ai.smartai.backend.ingest.parse;

import java.util.List;
import java.util.regex.Pattern;

/** Small text helpers shared by the parsers. */
final class Texts {

    /** A block comment's opening mark in a source file: "/*", "/**", "<!--". */
    static final String BLOCK_OPEN = "(?:/\\*+|<!--)";
    /** A block comment's closing mark. */
    static final String BLOCK_CLOSE = "(?:\\*+/|-->)";
    /** The marks around a commented line: "//", "--", "%", " * " inside a block, a block's marks. */
    private static final Pattern COMMENT_MARKS = Pattern.compile("^(?://+|--(?=\\s)|%+|\\*+(?=\\s)|" + BLOCK_OPEN
            + ")\\s*|\\s*" + BLOCK_CLOSE + "$");

    private Texts() {
    }

    /** A line of a source file without the comment marks around it: "// Problem 1" → "Problem 1". */
    static String uncommented(String line) {
        return COMMENT_MARKS.matcher(line.strip()).replaceAll("");
    }

    static List<String> lines(String text) {
        return List.of(text.split("\n", -1));
    }

    /** Lines [from, to) joined exactly, without leading and trailing blank lines. */
    static String block(List<String> lines, int from, int to) {
        int a = from;
        int b = to;
        while (a < b && lines.get(a).isBlank()) {
            a++;
        }
        while (b > a && lines.get(b - 1).isBlank()) {
            b--;
        }
        return String.join("\n", lines.subList(a, b));
    }

    /** A Markdown table row's cells, stripped; empty when the line is no table row. */
    static List<String> cells(String line) {
        String s = line.strip();
        if (!s.startsWith("|")) {
            return List.of();
        }
        s = s.substring(1);
        if (s.endsWith("|")) {
            s = s.substring(0, s.length() - 1);
        }
        return List.of(s.split("\\|", -1)).stream().map(String::strip).toList();
    }

    /** "zh" when Chinese characters make up a visible share of the letters, else "en". */
    static String language(String text) {
        long cjk = text.codePoints().filter(Texts::isHan).count();
        long latin = text.codePoints().filter(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')).count();
        return cjk > 0 && cjk * 3 >= latin / 4 ? "zh" : "en";
    }

    static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }
}
