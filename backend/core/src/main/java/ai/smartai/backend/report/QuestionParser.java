package ai.smartai.backend.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a question in Chinese or English to one of the fixed analytics operations and its arguments, by keywords and a
 * few patterns, with no model. It never guesses a number: a threshold or a problem is taken from the question or left
 * for the operation to resolve from the data ("the problem most students got wrong").
 */
final class QuestionParser {

    /** The operations a question can map to; each is computed by {@link QuestionService}. */
    enum Operation {
        DISTRIBUTION("distribution"),
        PROBLEM_STATS("problem_stats"),
        STUDENTS_BELOW("students_below"),
        STUDENTS_ABOVE("students_above"),
        COMMON_WRONG_ANSWERS("common_wrong_answers"),
        REVIEW_BACKLOG("review_backlog");

        final String wire;

        Operation(String wire) {
            this.wire = wire;
        }
    }

    /** The mapped operation; arguments hold {@code problem} (a number as written) and {@code score}. */
    record Intent(Operation operation, Map<String, String> arguments) {
    }

    private static final Pattern PROBLEM = Pattern.compile(
            "(?:problem|question|exercise|task|q|#)\\s*(\\d+)|第\\s*(\\d+|[一二三四五六七八九十]+)\\s*[题道小]|(\\d+)\\s*题");
    private static final Pattern NUMBER = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(%|分|points?|pts?|marks?)?");
    private static final List<String> REVIEW = List.of("review", "backlog", "awaiting", "pending", "unchecked",
            "复核", "待审", "待评", "审核", "待批", "没改", "未批");
    private static final List<String> WRONG = List.of("wrong", "mistake", "error", "错", "失分", "丢分", "做不对");
    private static final List<String> BELOW = List.of("below", "under", "less than", "lower than", "fail", "failed",
            "低于", "不到", "少于", "以下", "不及格", "没及格", "未及格", "没通过", "挂科");
    private static final List<String> ABOVE = List.of("above", "over", "more than", "higher than", "at least",
            "高于", "超过", "以上", "不少于", "至少", "高分");
    private static final List<String> STATS = List.of("mean", "average", "pass rate", "statistic", "stats",
            "how did", "how hard", "hardest", "easiest", "平均", "通过率", "得分率", "统计", "难", "均分");
    private static final List<String> DISTRIBUTION = List.of("distribution", "histogram", "spread", "overall",
            "whole class", "median", "分布", "整体", "总体", "全班", "成绩情况", "中位数");

    private QuestionParser() {
    }

    static Optional<Intent> parse(String question) {
        String q = question.toLowerCase(Locale.ROOT).strip();
        Map<String, String> args = new LinkedHashMap<>();
        problem(q).ifPresent(p -> args.put("problem", p));
        if (has(q, REVIEW)) {
            return Optional.of(new Intent(Operation.REVIEW_BACKLOG, Map.of()));
        }
        if (has(q, WRONG) && !has(q, BELOW) && !has(q, ABOVE)) {
            return Optional.of(new Intent(Operation.COMMON_WRONG_ANSWERS, args));
        }
        boolean below = has(q, BELOW);
        boolean above = has(q, ABOVE);
        if (below || above) {
            score(q, args.get("problem")).ifPresent(s -> args.put("score", s));
            args.remove("problem");
            return Optional.of(new Intent(below ? Operation.STUDENTS_BELOW : Operation.STUDENTS_ABOVE, args));
        }
        if (has(q, STATS) || args.containsKey("problem")) {
            return Optional.of(new Intent(Operation.PROBLEM_STATS, args));
        }
        if (has(q, DISTRIBUTION)) {
            return Optional.of(new Intent(Operation.DISTRIBUTION, Map.of()));
        }
        return Optional.empty();
    }

    private static boolean has(String q, List<String> words) {
        for (String w : words) {
            if (q.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> problem(String q) {
        Matcher m = PROBLEM.matcher(q);
        if (!m.find()) {
            return Optional.empty();
        }
        String n = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        return Optional.of(n.chars().allMatch(Character::isDigit) ? n : Integer.toString(chineseNumber(n)));
    }

    /** A threshold from the question ("below 60", "低于60分", "under 50%"); a percent keeps its sign. */
    private static Optional<String> score(String q, String problemNumber) {
        Matcher m = NUMBER.matcher(q);
        while (m.find()) {
            String n = m.group(1);
            if (n.equals(problemNumber) && m.group(2) == null) {
                continue;
            }
            return Optional.of("%".equals(m.group(2)) ? n + "%" : n);
        }
        return Optional.empty();
    }

    /** 一 … 九十九, which is as far as problem numbers go. */
    static int chineseNumber(String s) {
        String digits = "一二三四五六七八九";
        int tens = s.indexOf('十');
        if (tens < 0) {
            return digits.indexOf(s.charAt(0)) + 1;
        }
        int high = tens == 0 ? 1 : digits.indexOf(s.charAt(0)) + 1;
        int low = tens == s.length() - 1 ? 0 : digits.indexOf(s.charAt(tens + 1)) + 1;
        return high * 10 + low;
    }
}
