package ai.smartai.backend.ingest.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A LaTeX document's structure in the numbering the parsers read: {@code \section{Problem 3}} becomes {@code ## Problem
 * 3}, the items of the outermost {@code enumerate} (or the exam class's {@code \question}) become {@code 1.}, {@code 2.}
 * …, nested items {@code (a)}, {@code (b)}. The preamble and layout commands go; the mathematics stays as written.
 */
public final class LatexStructure {

    private static final Pattern SECTION = Pattern.compile(
            "^\\s*\\\\(?:section|subsection|subsubsection|paragraph)\\*?\\s*(?:\\[[^]]*])?\\s*\\{(.*)}\\s*(.*)$");
    private static final Pattern BEGIN_LIST = Pattern.compile("^\\s*\\\\begin\\{(enumerate|questions|parts)}.*$");
    private static final Pattern LETTERED = Pattern.compile("\\\\alph\\*|\\[\\s*\\(?a[).]\\s*]");
    private static final Pattern END_LIST = Pattern.compile("^\\s*\\\\end\\{(enumerate|questions|parts)}\\s*$");
    private static final Pattern ITEM = Pattern
            .compile("^\\s*\\\\(?:item|question|part)\\b\\s*(?:\\[[^]]*])?\\s*(.*)$");
    private static final Pattern POINTS_ARG = Pattern.compile("^\\\\(?:question|part)\\s*\\[(\\d+(?:\\.\\d)?)]");
    private static final Pattern DROP = Pattern.compile("^\\s*\\\\(maketitle|newpage|clearpage|pagebreak|vspace|vfill|"
            + "hfill|medskip|bigskip|smallskip|noindent|thispagestyle|pagestyle|label|end\\{document}|"
            + "begin\\{document})(?![a-zA-Z]).*$");

    private static final Pattern BEGIN_TABULAR = Pattern.compile("^\\s*\\\\begin\\{tabular\\*?}.*$");
    private static final Pattern END_TABULAR = Pattern.compile("^\\s*\\\\end\\{tabular\\*?}\\s*$");
    private static final Pattern HLINE = Pattern.compile("\\\\(?:hline|cline\\{[^}]*}|toprule|midrule|bottomrule)");

    private LatexStructure() {
    }

    public static String numbered(String tex) {
        List<String> lines = List.of(tex.split("\n", -1));
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("\\begin{document}")) {
                start = i + 1;
                break;
            }
        }
        List<String> out = new ArrayList<>(authors(String.join("\n", lines.subList(0, start))));
        Deque<int[]> lists = new ArrayDeque<>();
        boolean tabular = false;
        for (String raw : lines.subList(start, lines.size())) {
            String line = stripComment(raw);
            Matcher m;
            if (BEGIN_TABULAR.matcher(line).matches() || END_TABULAR.matcher(line).matches()) {
                tabular = BEGIN_TABULAR.matcher(line).matches();
            } else if (tabular) {
                // "Name & Carla Mendes \\ \hline": a row as the Markdown tables are read ("| Name | Carla Mendes |").
                String row = HLINE.matcher(line).replaceAll("").replaceAll("\\\\\\\\\\s*$", "").strip();
                if (!row.isEmpty()) {
                    out.add("| " + String.join(" | ", row.split("(?<!\\\\)&", -1)).replaceAll("\\s+\\|", " |")
                            .replaceAll("\\|\\s+", "| ") + " |");
                }
            } else if ((m = SECTION.matcher(line)).matches()) {
                out.add("## " + m.group(1).strip() + (m.group(2).isBlank() ? "" : " " + m.group(2).strip()));
            } else if (BEGIN_LIST.matcher(line).matches()) {
                // "\\begin{enumerate}[label=(\\alph*)]", "[(a)]": a list lettered as options are.
                lists.push(new int[] { 0, LETTERED.matcher(line).find() ? 1 : 0 });
            } else if (END_LIST.matcher(line).matches()) {
                if (!lists.isEmpty()) {
                    lists.pop();
                }
            } else if (!lists.isEmpty() && (m = ITEM.matcher(line)).matches()) {
                int n = ++lists.peek()[0];
                Matcher points = POINTS_ARG.matcher(line.strip());
                String rest = (points.find() ? "(" + points.group(1) + " points) " : "") + m.group(1).strip();
                String marker = lists.size() == 1 && lists.peek()[1] == 0 ? n + "."
                        : "(" + (char) ('a' + (n - 1) % 26) + ")";
                out.add(marker + (rest.isEmpty() ? "" : " " + rest));
            } else if (!DROP.matcher(line).matches()) {
                out.add(line);
            }
        }
        return String.join("\n", out);
    }

    private static final Pattern AUTHOR = Pattern.compile("\\\\(author|date)\\s*\\{((?:[^{}]|\\{[^{}]*})*)}");

    /**
     * The preamble's {@code \author{Chinedu A.~Okafor \\ Student ID: 20417733}} as the lines a title block shows
     * ("Author: Chinedu A. Okafor", "Student ID: 20417733"): who wrote the sheet, which {@code \maketitle} prints.
     */
    private static List<String> authors(String preamble) {
        Matcher m = AUTHOR.matcher(preamble);
        List<String> out = new ArrayList<>();
        boolean author = false;
        while (m.find()) {
            // "\\date{Student no.\\ 22031109}": the title block prints the date line too, and some put the id there.
            boolean first = m.group(1).equals("author") && !author;
            author |= first;
            for (String part : m.group(2).split("\\\\\\\\(?:\\[[^]]*])?|\\\\and\\b")) {
                String plain = part.replace("\\ ", " ").replaceAll("\\\\[a-zA-Z]+\\s*", " ").replace('~', ' ')
                        .replaceAll("[{}]", "").replaceAll("\\s+", " ").strip();
                if (!plain.isEmpty()) {
                    out.add(first && !plain.contains(":") ? "Author: " + plain : plain);
                    first = false;
                }
            }
        }
        return out;
    }

    /** Drops a {@code %} comment, but not an escaped {@code \%}. */
    private static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '%' && (i == 0 || line.charAt(i - 1) != '\\')) {
                return line.substring(0, i).stripTrailing();
            }
        }
        return line;
    }
}
