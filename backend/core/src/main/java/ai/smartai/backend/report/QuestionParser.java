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
    public enum Operation {
        DISTRIBUTION("distribution"),
        PROBLEM_STATS("problem_stats"),
        STUDENTS_BELOW("students_below"),
        STUDENTS_ABOVE("students_above"),
        COMMON_WRONG_ANSWERS("common_wrong_answers"),
        REVIEW_BACKLOG("review_backlog"),
        STUDENTS_CHANGE("students_change");

        final String wire;

        Operation(String wire) {
            this.wire = wire;
        }
    }

    /**
     * The mapped operation; arguments hold {@code problem} (a number as written), {@code score}, and for a change
     * between two tasks {@code direction} ({@code improved} or {@code declined}; both when absent) and {@code task}
     * (the other task's name as written; the teacher's previous task when absent).
     */
    public record Intent(Operation operation, Map<String, String> arguments) {
    }

    /** The operation of a wire name ("students_below"), if it is one. */
    static Optional<Operation> operation(String wire) {
        for (Operation o : Operation.values()) {
            if (o.wire.equals(wire)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    private static final Pattern PROBLEM = Pattern.compile(
            "(?:problem|question|exercise|task|q|#)\\s*(\\d+)|第\\s*(\\d+|[一二三四五六七八九十]+)\\s*[题道小]|(\\d+)\\s*题");
    private static final Pattern NUMBER = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(%|分|points?|pts?|marks?)?");
    private static final List<String> REVIEW = List.of("review", "reviews", "reviewed", "backlog", "awaiting",
            "pending", "unchecked",
            "复核", "待审", "待评", "审核", "待批", "没改", "未批");
    private static final List<String> WRONG = List.of("wrong", "mistake", "mistakes", "error", "errors", "错", "失分",
            "丢分", "做不对");
    private static final List<String> BELOW = List.of("below", "under", "less than", "lower than", "fail", "failed",
            "failing", "fails",
            "低于", "不到", "少于", "以下", "不及格", "没及格", "未及格", "没通过", "挂科");
    private static final List<String> ABOVE = List.of("above", "over", "more than", "higher than", "at least",
            "高于", "超过", "以上", "不少于", "至少", "高分");
    private static final List<String> STATS = List.of("mean", "average", "pass rate", "statistic", "statistics",
            "stats",
            "how hard", "hardest", "easiest", "平均", "通过率", "得分率", "统计", "难", "均分");
    private static final List<String> DISTRIBUTION = List.of("distribution", "histogram", "spread", "overall",
            "whole class", "how did the class", "median", "分布", "整体", "总体", "全班", "成绩情况", "中位数");

    private static final List<String> IMPROVED = List.of("improve", "improved", "improvement", "improving",
            "progress", "progressed", "better", "gained", "进步", "提高", "提升", "变好", "长进");
    private static final List<String> DECLINED = List.of("decline", "declined", "declining", "dropped", "drop",
            "worse", "fell", "fallen", "slipped", "退步", "下降", "下滑", "变差", "滑坡", "倒退");
    private static final List<String> CHANGED = List.of("changed", "change", "changes", "compared", "between",
            "变化", "对比", "相比", "比较");
    /** The other task, when the question names it: in quotes or 《》, or after "than", "since", "compared to". */
    private static final Pattern OTHER_TASK = Pattern.compile(
            "[“\"《「『]([^”\"》」』]+)[”\"》」』]"
                    + "|\\b(?:than|since|compared (?:to|with)|versus|vs\\.?)\\s+(?:in |on |with )?(?:the )?"
                    + "([\\p{L}\\p{N}][\\p{L}\\p{N} _-]*?)\\s*(?:[?？.!。,，]|$)"
                    + "|(?:与|和|跟|同)\\s*([^\\s，,。？?“”\"《》「」『』]+?)\\s*(?:相比|比较|对比)",
            Pattern.CASE_INSENSITIVE);
    /** Words that name "the previous task" rather than a task's own name. */
    private static final Pattern PREVIOUS = Pattern.compile(
            "(?:the )?(?:last|previous|earlier|prior)(?: (?:one|time|task|assignment|homework|test))?|before"
                    + "|(?:上次|上一次|前一次).*");

    private QuestionParser() {
    }

    static Optional<Intent> parse(String question) {
        String q = question.toLowerCase(Locale.ROOT).strip();
        Map<String, String> args = new LinkedHashMap<>();
        problem(q).ifPresent(p -> args.put("problem", p));
        if (has(q, REVIEW)) {
            return Optional.of(new Intent(Operation.REVIEW_BACKLOG, Map.of()));
        }
        boolean improved = has(q, IMPROVED);
        boolean declined = has(q, DECLINED);
        if (improved || declined || has(q, CHANGED) && otherTask(question).isPresent()) {
            Map<String, String> change = new LinkedHashMap<>();
            if (improved != declined) {
                change.put("direction", improved ? "improved" : "declined");
            }
            otherTask(question).ifPresent(t -> change.put("task", t));
            return Optional.of(new Intent(Operation.STUDENTS_CHANGE, change));
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

    /** The other task's name as the question writes it, unless it only says "the last one". */
    private static Optional<String> otherTask(String question) {
        Matcher m = OTHER_TASK.matcher(question.strip());
        while (m.find()) {
            String name = (m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3)).strip();
            if (!name.isEmpty() && !PREVIOUS.matcher(name.toLowerCase(Locale.ROOT)).matches()) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** Chinese keywords anywhere; English ones as whole words ("over" is not in "overall"). */
    private static boolean has(String q, List<String> words) {
        for (String w : words) {
            if (w.chars().allMatch(c -> c < 128) ? Pattern.compile("\\b" + Pattern.quote(w) + "\\b").matcher(q).find()
                    : q.contains(w)) {
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
