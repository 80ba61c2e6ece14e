package ai.smartai.backend.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ai.smartai.backend.account.CurrentUser;
import ai.smartai.backend.analytics.AnalyticsService;
import ai.smartai.backend.gradebook.GradebookService;
import ai.smartai.backend.problem.Problem;
import ai.smartai.backend.problem.ProblemRepository;
import ai.smartai.backend.report.QuestionParser.Intent;
import ai.smartai.backend.report.QuestionParser.Operation;
import ai.smartai.backend.task.Task;
import ai.smartai.backend.task.TaskRepository;
import ai.smartai.backend.task.TaskService;
import ai.smartai.model.analytics.Analytics;
import ai.smartai.model.analytics.HistogramBin;
import ai.smartai.model.analytics.ProblemDeepDive;
import ai.smartai.model.analytics.ProblemStats;
import ai.smartai.model.common.Scores;
import ai.smartai.model.grade.GradeView;
import ai.smartai.model.grade.Gradebook;
import ai.smartai.model.report.ClassAnswer;
import ai.smartai.model.report.ClassAnswer.Table;
import ai.smartai.model.report.ClassQuestion;

/**
 * Answers a question about a class: the question is mapped to one fixed analytics operation, the server computes its
 * table from the stored grades, and the sentence is written from that table, so every number in it was computed.
 * A sentence with a number the table does not hold is never sent; the table is.
 */
@ApplicationScoped
public class QuestionService {

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

    @Inject
    TaskService tasks;

    @Inject
    AnalyticsService analytics;

    @Inject
    GradebookService gradebook;

    @Inject
    ProblemRepository problems;

    @Inject
    TaskRepository taskRepository;

    /** Answers offline: the keyword parser picks the operation. */
    @Transactional
    public ClassAnswer answer(CurrentUser user, String taskId, ClassQuestion question) {
        tasks.require(user, taskId);
        boolean zh = zh(question);
        Optional<Intent> intent = QuestionParser.parse(question.question());
        if (intent.isEmpty()) {
            return new ClassAnswer(null, Map.of(), new Table(List.of(), List.of()), zh
                    ? "这个问题无法从数据中回答。可以问：成绩分布；某题的平均分和通过率；低于或高于某分数的学生；某题的常见错误答案；待复核的成绩；"
                            + "与另一次作业相比进步或退步的学生。"
                    : "I cannot answer that from the data. You can ask about: the distribution of totals; a problem's mean "
                            + "and pass rate; the students below or above a score; a problem's common wrong answers; "
                            + "the grades awaiting review; the students who improved or declined since another task.");
        }
        return compute(user, taskId, intent.get(), zh);
    }

    /** Computes an operation's table and writes its sentence from it. */
    @Transactional
    public ClassAnswer compute(CurrentUser user, String taskId, Intent intent, boolean zh) {
        tasks.require(user, taskId);
        Map<String, String> args = new LinkedHashMap<>(intent.arguments());
        Answered a = switch (intent.operation()) {
            case DISTRIBUTION -> distribution(analytics.analytics(user, taskId), zh);
            case PROBLEM_STATS -> problemStats(user, taskId, args, zh);
            case STUDENTS_BELOW, STUDENTS_ABOVE -> students(user, taskId, intent.operation(), args, zh);
            case COMMON_WRONG_ANSWERS -> wrongAnswers(user, taskId, args, zh);
            case REVIEW_BACKLOG -> backlog(user, taskId, zh);
            case STUDENTS_CHANGE -> change(user, taskId, args, zh);
        };
        String sentence = onlyComputedNumbers(a.sentence(), a.table()) ? a.sentence()
                : zh ? "答案见下表。" : "The answer is in the table below.";
        return new ClassAnswer(intent.operation().wire, args, a.table(), sentence);
    }

    /** Whether every number in {@code sentence} is one the table holds. */
    static boolean onlyComputedNumbers(String sentence, Table table) {
        return numbersIn(table).containsAll(numbersIn(sentence));
    }

    static boolean zh(ClassQuestion question) {
        return question.lang() == null ? question.question().codePoints()
                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                : "zh".equals(question.lang());
    }

    private record Answered(Table table, String sentence) {
    }

    private static Answered distribution(Analytics a, boolean zh) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(zh ? "学生数" : "students", a.students()));
        rows.add(List.of(zh ? "平均分" : "mean", Scores.round(a.mean())));
        rows.add(List.of(zh ? "中位数" : "median", Scores.round(a.median())));
        rows.add(List.of(zh ? "满分" : "max total", Scores.round(a.maxTotal())));
        rows.add(List.of(zh ? "通过率 %" : "pass rate %", percent(a.passRate())));
        for (HistogramBin b : a.histogram()) {
            rows.add(List.of(Scores.format(b.from()) + " – " + Scores.format(b.to()), b.count()));
        }
        String s = zh ? a.students() + " 名学生，平均分 " + Scores.format(a.mean()) + "（满分 " + Scores.format(a.maxTotal())
                + "），中位数 " + Scores.format(a.median()) + "，通过率 " + Scores.format(percent(a.passRate())) + "%。"
                : a.students() + " students: mean " + Scores.format(a.mean()) + " of " + Scores.format(a.maxTotal())
                        + ", median " + Scores.format(a.median()) + ", pass rate "
                        + Scores.format(percent(a.passRate())) + " %.";
        return new Answered(new Table(List.of(zh ? "项目" : "measure", zh ? "值" : "value"), rows), s);
    }

    private Answered problemStats(CurrentUser user, String taskId, Map<String, String> args, boolean zh) {
        Analytics a = analytics.analytics(user, taskId);
        Map<String, String> labels = labels(taskId);
        Optional<String> only = Optional.ofNullable(args.get("problem")).map(n -> problemId(taskId, n));
        List<List<Object>> rows = new ArrayList<>();
        List<ProblemStats> shown = a.perProblem().stream()
                .filter(p -> only.isEmpty() || p.problemId().equals(only.get())).toList();
        for (ProblemStats p : shown) {
            rows.add(List.of(labels.get(p.problemId()), Scores.round(p.mean()), p.maxScore(), percent(p.passRate()),
                    p.needsReview()));
        }
        Table table = new Table(zh ? List.of("题", "平均分", "满分", "通过率 %", "待复核")
                : List.of("problem", "mean", "max score", "pass rate %", "awaiting review"), rows);
        if (shown.isEmpty()) {
            return new Answered(table, zh ? "没有这道题。" : "There is no such problem.");
        }
        ProblemStats hardest = shown.stream().min(Comparator.comparingDouble(QuestionService::ratio)).get();
        String s = shown.size() == 1
                ? (zh ? "第 " + labels.get(hardest.problemId()) + " 题：平均 " + Scores.format(hardest.mean()) + " / "
                        + Scores.format(hardest.maxScore()) + "，通过率 " + Scores.format(percent(hardest.passRate()))
                        + "%。"
                        : "Problem " + labels.get(hardest.problemId()) + ": mean " + Scores.format(hardest.mean())
                                + " of " + Scores.format(hardest.maxScore()) + ", pass rate "
                                + Scores.format(percent(hardest.passRate())) + " %.")
                : (zh ? "得分率最低的是第 " + labels.get(hardest.problemId()) + " 题：平均 " + Scores.format(hardest.mean())
                        + " / " + Scores.format(hardest.maxScore()) + "，通过率 "
                        + Scores.format(percent(hardest.passRate())) + "%。"
                        : "The lowest-scoring problem is " + labels.get(hardest.problemId()) + ": mean "
                                + Scores.format(hardest.mean()) + " of " + Scores.format(hardest.maxScore())
                                + ", pass rate " + Scores.format(percent(hardest.passRate())) + " %.");
        only.ifPresent(id -> args.put("problem", labels.get(id)));
        return new Answered(table, s);
    }

    private Answered students(CurrentUser user, String taskId, Operation op, Map<String, String> args, boolean zh) {
        Gradebook book = gradebook.gradebook(user, taskId);
        String given = args.get("score");
        double threshold = given == null ? book.passThreshold() * book.maxTotal()
                : given.endsWith("%")
                        ? Double.parseDouble(given.substring(0, given.length() - 1)) / 100 * book.maxTotal()
                        : Double.parseDouble(given);
        threshold = Scores.round(threshold);
        args.put("score", Scores.format(threshold));
        boolean below = op == Operation.STUDENTS_BELOW;
        List<List<Object>> rows = new ArrayList<>();
        List<String> named = new ArrayList<>();
        for (Gradebook.Row r : book.rows()) {
            if (below ? r.total() < threshold - 1e-9 : r.total() >= threshold - 1e-9) {
                rows.add(List.of(r.studentId(), r.studentName() == null ? "" : r.studentName(), r.total(), threshold));
                named.add(r.studentId() + (r.studentName() == null ? "" : " " + r.studentName()) + " ("
                        + Scores.format(r.total()) + ")");
            }
        }
        Table table = new Table(zh ? List.of("学号", "姓名", "总分", "分数线")
                : List.of("student id", "name", "total", "threshold"), rows);
        String list = String.join(zh ? "、" : ", ", named.subList(0, Math.min(10, named.size())))
                + (named.size() > 10 ? (zh ? " 等" : ", …") : "");
        // No count in the sentence: the table holds the students, not how many there are.
        String s = rows.isEmpty() ? (zh ? "没有符合条件的学生。" : "No student matches.")
                : zh ? (below ? "总分低于 " : "总分不低于 ") + Scores.format(threshold) + " 的学生：" + list + "。"
                        : "Students with a total " + (below ? "below " : "of at least ") + Scores.format(threshold)
                                + ": " + list + ".";
        return new Answered(table, s);
    }

    private Answered wrongAnswers(CurrentUser user, String taskId, Map<String, String> args, boolean zh) {
        Analytics a = analytics.analytics(user, taskId);
        Map<String, String> labels = labels(taskId);
        String problemId = args.containsKey("problem") ? problemId(taskId, args.get("problem"))
                : a.perProblem().stream().min(Comparator.comparingDouble(ProblemStats::passRate)
                        .thenComparingDouble(QuestionService::ratio)).map(ProblemStats::problemId).orElse(null);
        List<String> columns = zh ? List.of("题", "通过率 %", "错误答案", "人数") : List.of("problem", "pass rate %",
                "wrong answer", "students");
        if (problemId == null || !labels.containsKey(problemId)) {
            return new Answered(new Table(columns, List.of()), zh ? "没有这道题。" : "There is no such problem.");
        }
        ProblemDeepDive deep = analytics.problem(user, taskId, problemId);
        String label = labels.get(problemId);
        args.put("problem", label);
        double pass = percent(deep.stats().passRate());
        List<List<Object>> rows = new ArrayList<>();
        for (ProblemDeepDive.WrongAnswer w : deep.commonWrongAnswers()) {
            rows.add(List.of(label, pass, w.answer(), w.count()));
        }
        if (rows.isEmpty()) {
            rows.add(List.of(label, pass, "", 0));
        }
        List<String> top = deep.commonWrongAnswers().stream().limit(3)
                .map(w -> "“" + w.answer() + "”" + (zh ? "（" + w.count() + " 人）" : " (" + w.count() + ")")).toList();
        String s = zh ? "第 " + label + " 题通过率 " + Scores.format(pass) + "%。" + (top.isEmpty()
                ? "没有重复出现的错误最终答案。" : "常见错误答案：" + String.join("、", top) + "。")
                : "Problem " + label + " has a pass rate of " + Scores.format(pass) + " %. " + (top.isEmpty()
                        ? "No wrong final answer recurs." : "Common wrong answers: " + String.join(", ", top) + ".");
        return new Answered(new Table(columns, rows), s);
    }

    private Answered backlog(CurrentUser user, String taskId, boolean zh) {
        Map<String, String> labels = labels(taskId);
        Map<String, Integer> perProblem = new LinkedHashMap<>();
        labels.keySet().forEach(id -> perProblem.put(id, 0));
        List<GradeView> queue = gradebook.reviewQueue(user, taskId);
        queue.forEach(g -> perProblem.merge(g.problemId(), 1, Integer::sum));
        List<List<Object>> rows = new ArrayList<>();
        perProblem.forEach((id, n) -> {
            if (n > 0) {
                rows.add(List.of(labels.getOrDefault(id, id), n));
            }
        });
        rows.add(List.of(zh ? "合计" : "all", queue.size()));
        String s = zh ? "共有 " + queue.size() + " 份答案待老师复核。" : queue.size() + " answer(s) await the teacher's review.";
        return new Answered(new Table(zh ? List.of("题", "待复核") : List.of("problem", "awaiting review"), rows), s);
    }

    /**
     * Students in both this task and another of the same teacher (named, else the one created just before this),
     * compared by their total as a share of each task's maximum, from the earlier task to the later one; the change
     * is in percentage points. Tasks with different maxima compare fairly; a student in only one task is left out.
     */
    private Answered change(CurrentUser user, String taskId, Map<String, String> args, boolean zh) {
        Task current = tasks.require(user, taskId);
        List<Task> mine = taskRepository.listAccessible(user.id()).stream()
                .filter(t -> t.getOwnerId().equals(current.getOwnerId()) && !t.getId().equals(taskId)).toList();
        String named = args.get("task");
        Optional<Task> other = named == null
                ? mine.stream().filter(t -> t.getCreatedAt().isBefore(current.getCreatedAt()))
                        .max(Comparator.comparing(Task::getCreatedAt))
                : mine.stream().filter(t -> t.getId().equals(named) || t.getName().equalsIgnoreCase(named)).findFirst()
                        .or(() -> mine.stream().filter(t -> t.getName().toLowerCase(Locale.ROOT)
                                .contains(named.toLowerCase(Locale.ROOT))).findFirst());
        if (other.isEmpty()) {
            String what = named == null ? (zh ? "（更早的作业）" : "(an earlier task)") : named;
            return new Answered(new Table(List.of(zh ? "未找到的作业" : "task not found", what), List.of()),
                    named == null ? (zh ? "没有更早的作业可以比较。" : "There is no earlier task to compare with.")
                            : zh ? "你的作业中没有“" + named + "”。" : "None of your tasks is called “" + named + "”.");
        }
        boolean otherFirst = !other.get().getCreatedAt().isAfter(current.getCreatedAt());
        Task earlier = otherFirst ? other.get() : current;
        Task later = otherFirst ? current : other.get();
        args.put("task", other.get().getName());
        Map<String, Double> before = percents(gradebook.gradebook(user, earlier.getId()));
        Gradebook after = gradebook.gradebook(user, later.getId());
        String direction = args.get("direction");
        if (direction != null && !direction.equals("improved") && !direction.equals("declined")) {
            // A model's unknown direction asks for both.
            args.remove("direction");
            direction = null;
        }
        List<List<Object>> rows = new ArrayList<>();
        List<String> listed = new ArrayList<>();
        List<Gradebook.Row> both = after.rows().stream().filter(r -> before.containsKey(r.studentId()))
                .sorted(Comparator.comparingDouble((Gradebook.Row r) -> -Math.abs(share(r, after)
                        - before.get(r.studentId()))))
                .toList();
        for (Gradebook.Row r : both) {
            double from = before.get(r.studentId());
            double to = share(r, after);
            double delta = Scores.round(to - from);
            boolean up = delta > 0;
            if (delta == 0 || direction != null && up != "improved".equals(direction)) {
                continue;
            }
            String name = r.studentName() == null ? "" : r.studentName();
            rows.add(List.of(r.studentId(), name, from, to, Math.abs(delta),
                    up ? (zh ? "进步" : "improved") : (zh ? "退步" : "declined")));
            listed.add(r.studentId() + (name.isEmpty() ? "" : " " + name) + " (" + (up ? "+" : "−")
                    + Scores.format(Math.abs(delta)) + ")");
        }
        // The tasks' names head the columns, so a number in a name is one the table holds.
        Table table = new Table(zh ? List.of("学号", "姓名", earlier.getName() + " 得分率 %", later.getName() + " 得分率 %",
                "变化（百分点）", "方向")
                : List.of("student id", "name", earlier.getName() + " %", later.getName() + " %",
                        "change (points)", "direction"),
                rows);
        String list = String.join(zh ? "、" : ", ", listed.subList(0, Math.min(10, listed.size())))
                + (listed.size() > 10 ? (zh ? " 等" : ", …") : "");
        String what = direction == null ? (zh ? "成绩有变化" : "changed") : "improved".equals(direction)
                ? (zh ? "进步" : "improved") : (zh ? "退步" : "declined");
        String s = rows.isEmpty()
                ? (zh ? "从“" + earlier.getName() + "”到“" + later.getName() + "”，没有" + what + "的学生。"
                        : "No student " + what + " from “" + earlier.getName() + "” to “" + later.getName() + "”.")
                : zh ? "从“" + earlier.getName() + "”到“" + later.getName() + "”" + what + "的学生（得分率百分点）：" + list + "。"
                        : "Students who " + what + " from “" + earlier.getName() + "” to “" + later.getName()
                                + "” (percentage points of the maximum): " + list + ".";
        return new Answered(table, s);
    }

    private static Map<String, Double> percents(Gradebook book) {
        Map<String, Double> out = new LinkedHashMap<>();
        book.rows().forEach(r -> out.put(r.studentId(), share(r, book)));
        return out;
    }

    /** A total as a percentage of the task's maximum, rounded as scores are. */
    private static double share(Gradebook.Row r, Gradebook book) {
        return book.maxTotal() <= 0 ? 0 : Scores.round(100 * r.total() / book.maxTotal());
    }

    private Map<String, String> labels(String taskId) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Problem p : problems.list(taskId)) {
            labels.put(p.getProblemId(), ReportService.label(p));
        }
        return labels;
    }

    /** The problem a question names by its number ("3", "第三题"), or by its id; null when none matches. */
    private String problemId(String taskId, String number) {
        for (Problem p : problems.list(taskId)) {
            if (number.equals(ReportService.label(p)) || number.equals(p.getProblemId())) {
                return p.getProblemId();
            }
        }
        return null;
    }

    private static double ratio(ProblemStats p) {
        return p.maxScore() <= 0 ? 1 : p.mean() / p.maxScore();
    }

    private static double percent(double share) {
        return Scores.round(share * 100);
    }

    /** The numbers a sentence or a table holds, each written as {@link Scores#format} writes it. */
    static Set<String> numbersIn(Object text) {
        Set<String> out = new HashSet<>();
        if (text instanceof Table t) {
            t.columns().forEach(c -> out.addAll(numbersIn(c)));
            for (List<Object> row : t.rows()) {
                for (Object cell : row) {
                    if (cell instanceof Number n) {
                        out.add(Scores.format(n.doubleValue()));
                    } else if (cell != null) {
                        out.addAll(numbersIn(cell.toString()));
                    }
                }
            }
            return out;
        }
        Matcher m = NUMBER.matcher(String.valueOf(text));
        while (m.find()) {
            out.add(Scores.format(Double.parseDouble(m.group())));
        }
        return out;
    }
}
