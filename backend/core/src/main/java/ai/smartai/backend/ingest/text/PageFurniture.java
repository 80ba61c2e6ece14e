package ai.smartai.backend.ingest.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a PDF repeats on its pages and no one wrote as an answer: page numbers ("3", "- 3 -", "Page 3 of 5", "第 3 页")
 * and a header or footer line found at the top or bottom of most pages. Dropped from the pages so that a header never
 * ends up inside a problem; each header or footer line is kept once, before the text.
 */
final class PageFurniture {

    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "^\\s*(?:[-–—]\\s*)?(?:(?i:page|p\\.)\\s*)?\\d{1,3}(?:\\s*(?:/|(?i:of)|共)\\s*\\d{1,3})?(?:\\s*[-–—])?\\s*$"
                    + "|^\\s*第\\s*\\d{1,3}\\s*页(?:\\s*[,，/]?\\s*共\\s*\\d{1,3}\\s*页)?\\s*$");
    /** A page number closing a header line: "… Page 1 of 2", "… | p. 3", "… 第 1 页". */
    private static final Pattern PAGE_SUFFIX = Pattern.compile(
            "\\s*[-–—|·]?\\s*(?:(?i:page|p\\.)\\s*\\d{1,3}(?:\\s*(?:/|(?i:of)|共)\\s*\\d{1,3})?"
                    + "|第\\s*\\d{1,3}\\s*页(?:\\s*[,，/]?\\s*共\\s*\\d{1,3}\\s*页)?)\\s*$");
    private static final Pattern PAGE_WORD = Pattern.compile("(?i)(page|\\bp\\.|页)");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,3}");
    /** Lines at each end of a page where a header or a footer may stand. */
    private static final int EDGE = 2;
    /** How deep a repeated header or footer may reach: a course title, a homework title wrapped over two lines, a date. */
    private static final int DEEP_EDGE = 5;

    private PageFurniture() {
    }

    static String clean(List<String> pages) {
        List<List<String>> lines = new ArrayList<>();
        for (String page : pages) {
            lines.add(new ArrayList<>(List.of(page.split("\n", -1))));
        }
        // Lines standing at a page's edge on at least half the pages (and two of them): headers and footers.
        Map<String, Integer> atEdges = new HashMap<>();
        for (List<String> page : lines) {
            edges(page, DEEP_EDGE).stream().map(String::strip).filter(s -> !s.isEmpty()).distinct()
                    .forEach(s -> atEdges.merge(normal(s), 1, Integer::sum));
        }
        int needed = Math.max(2, (pages.size() + 1) / 2);
        StringBuilder out = new StringBuilder();
        // What a header or footer says ("Priya Raman · 2023011206 Page 1 of 2") is often who wrote the sheet: each
        // repeated line is kept once, without its page number, before the text, where a sheet's header stands.
        Set<String> kept = new HashSet<>();
        StringBuilder body = new StringBuilder();
        for (int p = 0; p < lines.size(); p++) {
            List<String> page = lines.get(p);
            boolean[] furniture = new boolean[page.size()];
            for (int i = 0; i < page.size(); i++) {
                String s = page.get(i).strip();
                // A bare "3" is a page number only on page 3: an answer "3" at the foot of page 1 stays.
                furniture[i] = indexAtEdge(page, i, EDGE)
                        && ((PAGE_NUMBER.matcher(s).matches() && firstNumber(s) == p + 1)
                                || repeated(atEdges, s, pages.size(), needed));
            }
            // A header that wraps over three lines: a repeated line deeper in is furniture when only furniture
            // stands between it and the page's edge.
            extendRun(page, furniture, atEdges, pages.size(), needed, 0, 1);
            extendRun(page, furniture, atEdges, pages.size(), needed, page.size() - 1, -1);
            for (int i = 0; i < page.size(); i++) {
                if (!furniture[i]) {
                    body.append(page.get(i)).append('\n');
                    continue;
                }
                String said = PAGE_SUFFIX.matcher(page.get(i).strip()).replaceFirst("").strip();
                if (!said.isEmpty() && !PAGE_NUMBER.matcher(said).matches() && kept.add(normal(page.get(i).strip()))) {
                    out.append(said).append('\n');
                }
            }
        }
        return out.length() == 0 ? body.toString() : out.append('\n').append(body).toString();
    }

    private static boolean repeated(Map<String, Integer> atEdges, String line, int pages, int needed) {
        return pages > 1 && atEdges.getOrDefault(normal(line), 0) >= needed;
    }

    private static void extendRun(List<String> page, boolean[] furniture, Map<String, Integer> atEdges, int pages,
            int needed, int from, int step) {
        for (int i = from, seen = 0; i >= 0 && i < page.size() && seen < DEEP_EDGE; i += step) {
            if (page.get(i).isBlank()) {
                continue;
            }
            seen++;
            if (!furniture[i] && !repeated(atEdges, page.get(i).strip(), pages, needed)) {
                return;
            }
            furniture[i] = true;
        }
    }

    private static int firstNumber(String s) {
        Matcher m = DIGITS.matcher(s);
        return m.find() ? Integer.parseInt(m.group()) : -1;
    }

    /** The first and last {@code depth} non-blank lines of a page. */
    private static List<String> edges(List<String> page, int depth) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < page.size(); i++) {
            if (indexAtEdge(page, i, depth)) {
                out.add(page.get(i));
            }
        }
        return out;
    }

    private static boolean indexAtEdge(List<String> page, int index, int depth) {
        if (page.get(index).isBlank()) {
            return false;
        }
        int before = 0;
        for (int i = 0; i < index; i++) {
            before += page.get(i).isBlank() ? 0 : 1;
        }
        int after = 0;
        for (int i = index + 1; i < page.size(); i++) {
            after += page.get(i).isBlank() ? 0 : 1;
        }
        return before < depth || after < depth;
    }

    /** A header with its page number ("Homework 3 — page 2") differs from page to page: compared without digits. */
    private static String normal(String line) {
        String s = line.replaceAll("\\s+", " ");
        return PAGE_WORD.matcher(s).find() ? s.replaceAll("\\d+", "#") : s;
    }
}
