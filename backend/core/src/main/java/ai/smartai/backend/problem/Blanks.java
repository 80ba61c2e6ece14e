package ai.smartai.backend.problem;

import java.util.regex.Pattern;

/** The blanks a fill-in problem's stem leaves for the answers. */
public final class Blanks {

    /** "____", Markdown's escaped "\\_\\_\\_", "＿＿", "\\underline{\\quad}", "（    ）". */
    private static final Pattern BLANK = Pattern
            .compile("(_{3,}|(?:\\\\_){3,}|＿{2,}|\\\\underline\\{[^}]{0,20}\\}|[(（][\\s\u3000]{2,}[)）])");

    private Blanks() {
    }

    public static long count(String stem) {
        return stem == null ? 0 : BLANK.matcher(stem).results().count();
    }
}
