package ai.smartai.backend.ingest.parse;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Point values written in a stem: "(10分)", "（10 分）", "[8 points]", "(5 marks)", "（12 分 / 12 points）", "满分12分", "本题10分". */
public final class Points {

    private static final Pattern BRACKETED = Pattern.compile(
            "[(（\\[【]\\s*(?:本题|共|满分)?\\s*(\\d{1,3}(?:\\.\\d)?)\\s*(?:分|points?|pts?|marks?)"
                    // the same points again in the other language: "（12 分 / 12 points）"
                    + "(?:\\s*[/／]\\s*\\d{1,3}(?:\\.\\d)?\\s*(?:分|points?|pts?|marks?))?"
                    // how they are shared after a comma: "（12分，每空4分）", "(12 points, 4 each)"
                    + "(?:\\s*[,，;；][^()（）\\[\\]【】]{0,20})?\\s*[)）\\]】]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WORDED = Pattern.compile("(?:满分|本题|本小题|共)\\s*(\\d{1,3}(?:\\.\\d)?)\\s*分");

    public static final double DEFAULT = 10;

    private Points() {
    }

    public static OptionalDouble read(String stem) {
        Matcher m = BRACKETED.matcher(stem);
        if (m.find()) {
            return positive(m.group(1));
        }
        m = WORDED.matcher(stem);
        if (m.find()) {
            return positive(m.group(1));
        }
        return OptionalDouble.empty();
    }

    private static OptionalDouble positive(String s) {
        double v = Double.parseDouble(s);
        return v > 0 ? OptionalDouble.of(v) : OptionalDouble.empty();
    }
}
