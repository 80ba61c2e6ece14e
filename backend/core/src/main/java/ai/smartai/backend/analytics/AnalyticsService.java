package ai.smartai.backend.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ai.smartai.backend.account.CurrentUser;
import ai.smartai.backend.grading.FinalAnswers;
import ai.smartai.backend.grading.Grade;
import ai.smartai.backend.grading.GradeRepository;
import ai.smartai.backend.problem.Problem;
import ai.smartai.backend.problem.ProblemRepository;
import ai.smartai.backend.student.Student;
import ai.smartai.backend.student.StudentRepository;
import ai.smartai.backend.task.Task;
import ai.smartai.backend.task.TaskService;
import ai.smartai.backend.web.ApiException;
import ai.smartai.model.analytics.Analytics;
import ai.smartai.model.analytics.HistogramBin;
import ai.smartai.model.analytics.ProblemDeepDive;
import ai.smartai.model.analytics.ProblemStats;
import ai.smartai.model.common.MessageCode;

/** Class statistics, computed from the stored grades, never estimated. */
@ApplicationScoped
public class AnalyticsService {

    @Inject
    TaskService tasks;

    @Inject
    ProblemRepository problems;

    @Inject
    StudentRepository students;

    @Inject
    GradeRepository grades;

    @Transactional
    public Analytics analytics(CurrentUser user, String taskId) {
        Task task = tasks.require(user, taskId);
        List<Problem> ps = problems.list(taskId);
        List<Student> ss = students.list(taskId);
        Map<String, Grade> byKey = new HashMap<>();
        grades.list(taskId).forEach(g -> byKey.put(g.getStudentUid() + "/" + g.getProblemId(), g));
        double maxTotal = ps.stream().mapToDouble(Problem::getMaxScore).sum();
        double threshold = task.getPassThreshold();
        double[] totals = new double[ss.size()];
        int unscored = 0;
        for (int i = 0; i < ss.size(); i++) {
            for (Problem p : ps) {
                Grade g = byKey.get(ss.get(i).getUid() + "/" + p.getProblemId());
                Double score = g == null ? null : g.effectiveScore();
                if (score == null) {
                    unscored++;
                } else {
                    totals[i] += score;
                }
            }
        }
        List<ProblemStats> perProblem = new ArrayList<>();
        for (Problem p : ps) {
            perProblem.add(stats(p, ss, byKey, threshold));
        }
        return new Analytics(ss.size(), round(mean(totals)), round(median(totals)), round(stdDev(totals)),
                round(share(totals, threshold * maxTotal)), histogram(totals, maxTotal), perProblem, maxTotal,
                threshold,
                unscored);
    }

    /** One problem in depth: its statistics, the score distribution and the wrong final answers that recur. */
    @Transactional
    public ProblemDeepDive problem(CurrentUser user, String taskId, String problemId) {
        Task task = tasks.require(user, taskId);
        Problem p = problems.find(taskId, problemId)
                .orElseThrow(() -> ApiException.notFound(MessageCode.THING_PROBLEM, problemId));
        List<Student> ss = students.list(taskId);
        Map<String, Grade> byKey = new HashMap<>();
        grades.list(taskId).stream().filter(g -> g.getProblemId().equals(problemId))
                .forEach(g -> byKey.put(g.getStudentUid() + "/" + problemId, g));
        Map<String, String> answers = new HashMap<>();
        students.answers(taskId).stream().filter(a -> a.getProblemId().equals(problemId))
                .forEach(a -> answers.put(a.getStudentUid(), a.getText()));

        Map<Double, Integer> distribution = new TreeMap<>(Comparator.reverseOrder());
        Map<String, WrongGroup> wrong = new LinkedHashMap<>();
        for (Student s : ss) {
            Grade g = byKey.get(s.getUid() + "/" + problemId);
            Double score = g == null ? null : g.effectiveScore();
            if (score == null) {
                continue;
            }
            distribution.merge(round(score), 1, Integer::sum);
            if (score < p.getMaxScore() - 1e-9) {
                FinalAnswers.read(p.getType(), p.getReferenceAnswer(), answers.get(s.getUid())).ifPresent(
                        a -> wrong.computeIfAbsent(a.toLowerCase(Locale.ROOT), k -> new WrongGroup(a)).studentIds
                                .add(s.getStudentId()));
            }
        }
        List<ProblemDeepDive.WrongAnswer> common = wrong.values().stream()
                .sorted(Comparator.comparingInt((WrongGroup w) -> -w.studentIds.size()))
                .limit(10)
                .map(w -> new ProblemDeepDive.WrongAnswer(w.answer, w.studentIds.size(),
                        List.copyOf(w.studentIds.subList(0, Math.min(20, w.studentIds.size())))))
                .toList();
        return new ProblemDeepDive(problemId, stats(p, ss, byKey, task.getPassThreshold()),
                distribution.entrySet().stream().map(e -> new ProblemDeepDive.ScoreCount(e.getKey(), e.getValue()))
                        .toList(),
                common);
    }

    /** A problem's stem and its lowest-scoring non-blank answers, shortened, for a model to summarise. */
    public record Quotes(String stem, List<String> quotes) {
    }

    @Transactional
    public Quotes lowScoringQuotes(CurrentUser user, String taskId, String problemId, int limit) {
        tasks.require(user, taskId);
        Problem p = problems.find(taskId, problemId)
                .orElseThrow(() -> ApiException.notFound(MessageCode.THING_PROBLEM, problemId));
        Map<String, Double> score = new HashMap<>();
        grades.list(taskId).stream().filter(g -> g.getProblemId().equals(problemId) && g.effectiveScore() != null)
                .forEach(g -> score.put(g.getStudentUid(), g.effectiveScore()));
        List<String> quotes = students.answers(taskId).stream()
                .filter(a -> a.getProblemId().equals(problemId) && !a.getText().isBlank()
                        && score.containsKey(a.getStudentUid()) && score.get(a.getStudentUid()) < p.getMaxScore())
                .sorted(Comparator.comparingDouble(a -> score.get(a.getStudentUid())))
                .limit(limit)
                .map(a -> a.getText().length() > 600 ? a.getText().substring(0, 600) + "…" : a.getText())
                .toList();
        return new Quotes(p.getStem(), quotes);
    }

    private static final class WrongGroup {
        final String answer;
        final List<String> studentIds = new ArrayList<>();

        WrongGroup(String answer) {
            this.answer = answer;
        }
    }

    private static ProblemStats stats(Problem p, List<Student> ss, Map<String, Grade> byKey, double threshold) {
        List<Double> scores = new ArrayList<>();
        int review = 0;
        for (Student s : ss) {
            Grade g = byKey.get(s.getUid() + "/" + p.getProblemId());
            if (g != null && g.effectiveScore() != null) {
                scores.add(g.effectiveScore());
            }
            if (g == null || g.needsReview() || g.effectiveScore() == null) {
                review++;
            }
        }
        double[] v = scores.stream().mapToDouble(Double::doubleValue).toArray();
        return new ProblemStats(p.getProblemId(), round(mean(v)), p.getMaxScore(),
                round(share(v, threshold * p.getMaxScore())), v.length == 0 ? 0 : Arrays.stream(v).min().orElse(0),
                v.length == 0 ? 0 : Arrays.stream(v).max().orElse(0), review);
    }

    static List<HistogramBin> histogram(double[] totals, double maxTotal) {
        List<HistogramBin> bins = new ArrayList<>();
        double width = maxTotal <= 0 ? 1 : maxTotal / 10;
        int[] counts = new int[10];
        for (double t : totals) {
            counts[Math.min(9, Math.max(0, (int) Math.floor(t / width)))]++;
        }
        for (int i = 0; i < 10; i++) {
            bins.add(new HistogramBin(round(i * width), round((i + 1) * width), counts[i]));
        }
        return bins;
    }

    static double mean(double[] v) {
        return v.length == 0 ? 0 : Arrays.stream(v).average().orElse(0);
    }

    static double median(double[] v) {
        if (v.length == 0) {
            return 0;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** Population standard deviation: the class is the whole population. */
    static double stdDev(double[] v) {
        if (v.length == 0) {
            return 0;
        }
        double m = mean(v);
        return Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / v.length);
    }

    static double share(double[] v, double atLeast) {
        return v.length == 0 ? 0 : (double) Arrays.stream(v).filter(x -> x >= atLeast - 1e-9).count() / v.length;
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
