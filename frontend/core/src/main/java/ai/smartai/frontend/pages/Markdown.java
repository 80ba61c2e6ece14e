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
     * interpreted: the rest is escaped, not read as Markdown.
     */
    static String inline(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        Matcher m = MATH.matcher(text);
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (m.find()) {
            out.append(escape(text.substring(at, m.start()))).append("<span class=\"math\">").append(escape(m.group()))
                    .append("</span>");
            at = m.end();
        }
        return out.append(escape(text.substring(at))).toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
