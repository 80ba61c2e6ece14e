package ai.smartai.backend.grading;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds text in an answer that speaks to the grader instead of answering ("ignore the rubric", "给满分"), or that
 * closes or forges the structure of the prompt the answer is put into: its {@code <student_answer>} tags, role
 * markers ("assistant:", "### System", {@code <system>}) and chat-template tokens.
 */
public final class Injection {

    /** Delimiters and roles; the role words count only at the start of a line, where a prompt would put them. */
    private static final String FORGED = "</?\\s*student_answer\\s*>|<\\s*/?\\s*(system|assistant|user|developer|"
            + "instructions?)\\s*>|<\\|im_(start|end)\\|>|\\[/?INST]|<<\\s*/?SYS\\s*>>|"
            + "^[ \\t>*]*#{1,6}[ \\t]*(system|assistant|developer|new instructions?)\\b|"
            + "^[ \\t>*]*(system|assistant|developer|系统|助手)[ \\t*]*[:：]|new instructions?[ \\t]*[:：]";

    private static final Pattern ADDRESSED_TO_GRADER = Pattern.compile(FORGED
            + "|(ignore (all |the )?(previous |above )?(instructions|rubric|grading)|give (me |this )?(full|maximum|max|"
            + "100)( marks| points| score)?|award (full|maximum)|you are (now )?(a|an) |system prompt|as an ai|"
            + "disregard (the )?(rubric|instructions)|score this (as )?(correct|10)|"
            + "忽略(以上|上面|前面)?(的)?(评分标准|评分|指令|规则|要求)|(给|打)(我|这道题|本题|此题)?(满分|高分|100分)|请(直接)?判(为)?(正确|满分)|"
            + "评分(老师|系统|模型).{0,6}(给|打)|系统提示)",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

    private Injection() {
    }

    /** The first offending phrase, if any. */
    public static Optional<String> find(String answer) {
        Matcher m = ADDRESSED_TO_GRADER.matcher(answer);
        return m.find() ? Optional.of(m.group().strip()) : Optional.empty();
    }
}
