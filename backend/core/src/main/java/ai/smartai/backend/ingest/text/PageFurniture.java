package ai.smartai.backend.ingest.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a PDF repeats on its pages and no one wrote as an answer: page numbers ("3", "- 3 -", "Page 3 of 5", "第 3 页")
 * and a header or footer line found at the top or bottom of most pages. Dropped so that a header never ends up
 * inside a problem.
 */
final class PageFurniture {

    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "^\\s*(?:[-–—]\\s*)?(?:(?i:page|p\\.)\\s*)?\\d{1,3}(?:\\s*(?:/|(?i:of)|共)\\s*\\d{1,3})?(?:\\s*[-–—])?\\s*$"
                    + "|^\\s*第\\s*\\d{1,3}\\s*页(?:\\s*[,，/]?\\s*共\\s*\\d{1,3}\\s*页)?\\s*$");
    private static final Pattern PAGE_WORD = Pattern.compile("(?i)(page|\\bp\\.|页)");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,3}");
    /** Lines at each end of a page where a header or a footer may stand. */
    private static final int EDGE = 2;

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
            edges(page).stream().map(String::strip).filter(s -> !s.isEmpty()).distinct()
                    .forEach(s -> atEdges.merge(normal(s), 1, Integer::sum));
        }
        int needed = Math.max(2, (pages.size() + 1) / 2);
        StringBuilder out = new StringBuilder();
        for (int p = 0; p < lines.size(); p++) {
            List<String> page = lines.get(p);
            for (int i = 0; i < page.size(); i++) {
                String s = page.get(i).strip();
                boolean edge = indexAtEdge(page, i);
                // A bare "3" is a page number only on page 3: an answer "3" at the foot of page 1 stays.
                boolean furniture = edge && ((PAGE_NUMBER.matcher(s).matches() && firstNumber(s) == p + 1)
                        || (pages.size() > 1 && atEdges.getOrDefault(normal(s), 0) >= needed));
                if (!furniture) {
                    out.append(page.get(i)).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static int firstNumber(String s) {
        Matcher m = DIGITS.matcher(s);
        return m.find() ? Integer.parseInt(m.group()) : -1;
    }

    /** The first and last non-blank lines of a page. */
    private static List<String> edges(List<String> page) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < page.size(); i++) {
            if (indexAtEdge(page, i)) {
                out.add(page.get(i));
            }
        }
        return out;
    }

    private static boolean indexAtEdge(List<String> page, int index) {
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
        return before < EDGE || after < EDGE;
    }

    /** A header with its page number ("Homework 3 — page 2") differs from page to page: compared without digits. */
    private static String normal(String line) {
        String s = line.replaceAll("\\s+", " ");
        return PAGE_WORD.matcher(s).find() ? s.replaceAll("\\d+", "#") : s;
    }
}
