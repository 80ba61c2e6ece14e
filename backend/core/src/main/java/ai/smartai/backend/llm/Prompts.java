package ai.smartai.backend.llm;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What every use of a model needs around its prompt and reply, whichever feature asks. */
public final class Prompts {

    private Prompts() {
    }

    /**
     * Text placed between {@code <tag>} and {@code </tag>} as data: a closing tag inside it would end the data early,
     * an opening one forge new data, so both are defused.
     */
    public static String data(String text, String tag) {
        return text == null ? ""
                : text.replaceAll("(?i)<\\s*(/?)\\s*" + Pattern.quote(tag) + "\\s*>",
                        Matcher.quoteReplacement("<\\") + "$1" + Matcher.quoteReplacement(tag + ">"));
    }

    /** The JSON object in a reply, without the code fences or prose models put around it. */
    public static String jsonObject(String reply) {
        String s = reply == null ? "" : reply.strip();
        int open = s.indexOf('{');
        int close = s.lastIndexOf('}');
        if (open < 0 || close < open) {
            return s;
        }
        return s.substring(open, close + 1);
    }
}
