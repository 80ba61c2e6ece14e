package ai.smartai.frontend.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Problems, answers, keys, evidence and comments as a teacher wants to read them: Markdown (commonmark) with any raw
 * HTML shown as text and unsafe links emptied, and the LaTeX left for MathJax in the browser. Maths is taken out before
 * the Markdown pass, so that {@code a_1 * b_2} inside {@code $…$} never turns into emphasis, and put back escaped.
 */
final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
            .softbreak("<br>\n").build();
    /**
     * $$…$$, \[…\], $…$ on one line and with no double quote (a quoted snippet cut inside its maths leaves a lone $,
     * which must not pair with the next one across the words between), \(…\).
     */
    private static final Pattern MATH = Pattern.compile(
            "\\$\\$.+?\\$\\$|\\\\\\[.+?\\\\\\]|\\$[^$\\n\"]+?\\$|\\\\\\(.+?\\\\\\)", Pattern.DOTALL);
    /** What stands in for a maths span during the Markdown pass: letters and digits, which Markdown leaves alone. */
    private static final Pattern TOKEN = Pattern.compile("MATHSPAN(\\d+)Z");
    /** Around words a line of server text quotes (private-use characters, which no text of ours holds). */
    static final char QUOTE_OPEN = '\uE000';
    static final char QUOTE_CLOSE = '\uE001';
    private static final String QUOTED = "<span class=\"quoted\">";

    private Markdown() {
    }

    static String html(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        List<String> maths = new ArrayList<>();
        Matcher m = MATH.matcher(text);
        StringBuilder protectedText = new StringBuilder();
        while (m.find()) {
            maths.add(m.group());
            m.appendReplacement(protectedText, "MATHSPAN" + (maths.size() - 1) + "Z");
        }
        m.appendTail(protectedText);
        String html = HTML.render(PARSER.parse(protectedText.toString()));
        Matcher back = TOKEN.matcher(html);
        StringBuilder out = new StringBuilder();
        while (back.find()) {
            int i = Integer.parseInt(back.group(1));
            String math = i < maths.size() ? maths.get(i) : back.group();
            back.appendReplacement(out, Matcher.quoteReplacement("<span class=\"math\">" + escape(math) + "</span>"));
        }
        back.appendTail(out);
        return out.toString();
    }

    /**
     * One line of server text (a review reason, an evidence summary) with its maths typeset and nothing else
     * interpreted: the rest is escaped, not read as Markdown. Words between {@link #QUOTE_OPEN} and
     * {@link #QUOTE_CLOSE} (what the server quotes and did not write: see {@code Message.render}) go in a
     * {@code <span class="quoted">}; maths stays whole, outside it.
     */
    static String inline(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        Matcher m = MATH.matcher(text);
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        int at = 0;
        while (m.find()) {
            quoted = quoting(text.substring(at, m.start()), quoted, out);
            String math = m.group();
            int open = math.lastIndexOf(QUOTE_OPEN);
            int close = math.lastIndexOf(QUOTE_CLOSE);
            if (quoted) {
                out.append("</span>");
            }
            String bare = math.replace(String.valueOf(QUOTE_OPEN), "").replace(String.valueOf(QUOTE_CLOSE), "");
            out.append("<span class=\"math\">").append(escape(bare)).append("</span>");
            quoted = open > close || (open == close && quoted);
            if (quoted) {
                out.append(QUOTED);
            }
            at = m.end();
        }
        if (quoting(text.substring(at), quoted, out)) {
            out.append("</span>");
        }
        // An argument that is maths alone leaves an empty quote on each side of it.
        return out.toString().replace(QUOTED + "</span>", "");
    }

    /** Appends {@code text} escaped, its quote marks as the span's tags; whether a quote is open after it. */
    private static boolean quoting(String text, boolean quoted, StringBuilder out) {
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == QUOTE_OPEN || c == QUOTE_CLOSE) {
                out.append(escape(text.substring(from, i)));
                from = i + 1;
                if (c == QUOTE_OPEN && !quoted) {
                    out.append(QUOTED);
                } else if (c == QUOTE_CLOSE && quoted) {
                    out.append("</span>");
                }
                quoted = c == QUOTE_OPEN;
            }
        }
        out.append(escape(text.substring(from)));
        return quoted;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
