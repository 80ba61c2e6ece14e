package ai.smartai.backend.grading;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds text in an answer that speaks to the grader instead of answering ("ignore the rubric", "给满分"). */
public final class Injection {

    private static final Pattern ADDRESSED_TO_GRADER = Pattern.compile(
            "(ignore (all |the )?(previous |above )?(instructions|rubric|grading)|give (me |this )?(full|maximum|max|100)"
                    + "( marks| points| score)?|award (full|maximum)|you are (now )?(a|an) |system prompt|as an ai|"
                    + "disregard (the )?(rubric|instructions)|score this (as )?(correct|10)|"
                    + "忽略(以上|上面|前面)?(的)?(评分标准|评分|指令|规则|要求)|(给|打)(我|这道题|本题|此题)?(满分|高分|100分)|请(直接)?判(为)?(正确|满分)|"
                    + "评分(老师|系统|模型).{0,6}(给|打)|系统提示)",
            Pattern.CASE_INSENSITIVE);

    private Injection() {
    }

    /** The offending phrase, if any. */
    public static Optional<String> find(String answer) {
        Matcher m = ADDRESSED_TO_GRADER.matcher(answer);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }
}
