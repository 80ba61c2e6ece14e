package ai.smartai.backend.grading;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ai.smartai.backend.account.CurrentUser;
import ai.smartai.backend.db.Db;
import ai.smartai.backend.db.Ids;
import ai.smartai.backend.db.Json;
import ai.smartai.backend.job.Job;
import ai.smartai.backend.job.JobRepository;
import ai.smartai.backend.job.JobService;
import ai.smartai.backend.problem.Problem;
import ai.smartai.backend.problem.ProblemRepository;
import ai.smartai.backend.student.Answer;
import ai.smartai.backend.student.Student;
import ai.smartai.backend.student.StudentRepository;
import ai.smartai.backend.task.Task;
import ai.smartai.backend.task.TaskRepository;
import ai.smartai.backend.task.TaskService;
import ai.smartai.backend.web.ApiException;
import ai.smartai.model.grade.GradeView;
import ai.smartai.model.grade.GradingRequest;
import ai.smartai.model.grade.OverrideRequest;
import ai.smartai.model.job.JobAccepted;
import ai.smartai.model.job.JobKind;
import ai.smartai.model.job.JobStatus;
import ai.smartai.model.problem.ProblemType;
import ai.smartai.model.task.TaskStatus;
import com.fasterxml.jackson.core.type.TypeReference;

/** Grading runs, stored grades, the teacher's overrides and the gradebook. */
@ApplicationScoped
public class GradingService {

    @Inject
    TaskService tasks;

    @Inject
    TaskRepository taskRepository;

    @Inject
    ProblemRepository problems;

    @Inject
    StudentRepository students;

    @Inject
    GradeRepository grades;

    @Inject
    JobService jobs;

    @Inject
    JobRepository jobRepository;

    @Inject
    ai.smartai.backend.audit.AuditService audit;

    @Inject
    Db db;

    Clock clock = Clock.systemUTC();

    /** One unit of grading work: a student's answer to a problem. */
    public record Unit(String studentUid, String studentId, String problemId) {
    }

    /** What a unit is graded from, with the revisions it reflects. */
    public record Snapshot(GradingInput input, int problemRevision, int answerRevision) {
    }

    /** The scope and mode of a grading run, stored with its job. */
    public record Plan(List<String> studentIds, List<String> problemIds, boolean force) {
    }

    public JobAccepted start(CurrentUser user, String taskId, GradingRequest request) {
        Plan plan = new Plan(request.scope() == null ? null : request.scope().studentIds(),
                request.scope() == null ? null : request.scope().problemIds(), Boolean.TRUE.equals(request.force()));
        String jobId = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            tasks.require(user, taskId);
            if (problems.count(taskId) == 0 || students.count(taskId) == 0) {
                throw ApiException.conflict("nothing_to_grade",
                        "Upload the problem set and the students' answers before grading.");
            }
            Optional<Job> active = jobRepository.latestActive(taskId);
            if (active.isPresent() && active.get().getKind() == JobKind.GRADING) {
                throw ApiException.conflict("grading_running", "Task " + taskId + " is already being graded (job "
                        + active.get().getId() + ").");
            }
            return jobs.create(taskId, user, JobKind.GRADING, j -> j.setPayload(Json.write(plan))).getId();
        });
        jobs.submit(jobId);
        return new JobAccepted(jobId, null);
    }

    static Plan plan(Job job) {
        return job.getPayload() == null ? new Plan(null, null, false)
                : Json.read(job.getPayload(), new TypeReference<Plan>() {
                });
    }

    /** The units a run must do: missing or stale grades, or all in scope when forced. Finished units are skipped. */
    @Transactional
    public List<Unit> pendingUnits(String taskId, Plan plan) {
        Map<String, Problem> byId = new LinkedHashMap<>();
        problems.list(taskId).forEach(p -> byId.put(p.getProblemId(), p));
        Map<String, Answer> answers = new HashMap<>();
        students.answers(taskId).forEach(a -> answers.put(a.getStudentUid() + "/" + a.getProblemId(), a));
        Map<String, Grade> existing = new HashMap<>();
        grades.list(taskId).forEach(g -> existing.put(g.getStudentUid() + "/" + g.getProblemId(), g));
        Set<String> studentScope = plan.studentIds() == null ? null : new HashSet<>(plan.studentIds());
        Set<String> problemScope = plan.problemIds() == null ? null : new HashSet<>(plan.problemIds());
        List<Unit> units = new ArrayList<>();
        for (Student s : students.list(taskId)) {
            if (studentScope != null && !studentScope.contains(s.getStudentId())) {
                continue;
            }
            for (Problem p : byId.values()) {
                if (problemScope != null && !problemScope.contains(p.getProblemId())) {
                    continue;
                }
                String key = s.getUid() + "/" + p.getProblemId();
                Grade g = existing.get(key);
                Answer a = answers.get(key);
                int answerRevision = a == null ? -1 : a.getRevision();
                if (plan.force() || g == null || g.isStale(p.getRevision(), answerRevision)) {
                    units.add(new Unit(s.getUid(), s.getStudentId(), p.getProblemId()));
                }
            }
        }
        return units;
    }

    @Transactional
    public Snapshot snapshot(String taskId, Unit unit) {
        Problem p = problems.find(taskId, unit.problemId()).orElseThrow();
        Answer a = students.answer(unit.studentUid(), unit.problemId()).orElse(null);
        GradingInput in = new GradingInput(p.getProblemId(), p.getType(), p.getStem(), p.getRubric(), p.getMaxScore(),
                p.getReferenceAnswer(), p.getChoices(), p.getCorrectChoices(), p.getTestCases(), p.getLanguage(),
                a == null ? "" : a.getText());
        return new Snapshot(in, p.getRevision(), a == null ? -1 : a.getRevision());
    }

    @Transactional
    public Optional<GradeResult> cached(String inputHash) {
        return grades.cached(inputHash).map(c -> Json.read(c.getResult(), new TypeReference<GradeResult>() {
        }));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void cache(String inputHash, GradeResult result) {
        if (grades.cached(inputHash).isEmpty()) {
            grades.cache(new GradeCache(inputHash, Json.write(result), clock.instant()));
        }
    }

    /**
     * Counts the start of an attempt at a unit, in a transaction of its own so that the count survives a crash of the
     * attempt. Returns the attempt's number for this input: more than {@link UnitAttempt#QUARANTINE_AFTER} means it
     * already failed that often.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int beginAttempt(String taskId, Unit unit, String inputHash) {
        String key = unit.studentUid() + "/" + unit.problemId();
        UnitAttempt attempt = db.em().find(UnitAttempt.class, key);
        if (attempt == null) {
            attempt = new UnitAttempt(key, taskId, inputHash, clock.instant());
            db.em().persist(attempt);
        }
        return attempt.begin(inputHash, clock.instant());
    }

    /** Why the last attempt at a unit failed, if it failed in a way we saw (a crash leaves none). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void attemptFailed(Unit unit, String error) {
        UnitAttempt attempt = db.em().find(UnitAttempt.class, unit.studentUid() + "/" + unit.problemId());
        if (attempt != null) {
            attempt.failed(error, clock.instant());
        }
    }

    @Transactional
    public Optional<String> lastAttemptError(Unit unit) {
        return Optional.ofNullable(db.em().find(UnitAttempt.class, unit.studentUid() + "/" + unit.problemId()))
                .map(UnitAttempt::getLastError);
    }

    /** Stores one unit's grade; at-least-once safe: the unique key (student, problem) means a repeat updates. */
    @Transactional
    public void store(String taskId, Unit unit, Snapshot snapshot, GradeResult result,
            List<ai.smartai.model.grade.ExpertVote> experts, String inputHash) {
        UnitAttempt attempt = db.em().find(UnitAttempt.class, unit.studentUid() + "/" + unit.problemId());
        if (attempt != null) {
            db.em().remove(attempt);
        }
        Grade g = grades.find(unit.studentUid(), unit.problemId()).orElse(null);
        boolean fresh = g == null;
        if (fresh) {
            g = new Grade(Ids.newId(), taskId, unit.studentUid(), unit.problemId());
        }
        g.record(result, snapshot.problemRevision(), snapshot.answerRevision(), inputHash, clock.instant());
        g.setExperts(experts);
        if (fresh) {
            grades.persist(g);
        }
    }

    /** The task owner's panel: enabled providers, the task's judge (else the first), samples per expert. */
    @Transactional
    public ai.smartai.backend.llm.PanelSetup panelSetup(String taskId) {
        var task = taskRepository.findById(taskId).orElse(null);
        if (task == null) {
            return ai.smartai.backend.llm.PanelSetup.NONE;
        }
        List<ai.smartai.backend.llm.ActiveProvider> experts = providerService.enabled(task.getOwnerId());
        if (experts.isEmpty()) {
            return ai.smartai.backend.llm.PanelSetup.NONE;
        }
        var judge = experts.stream().filter(p -> p.id().equals(task.getJudgeProviderId())).findFirst()
                .orElse(experts.get(0));
        return new ai.smartai.backend.llm.PanelSetup(experts, judge, Math.max(1, task.getLlmSamples()));
    }

    @Transactional
    public void addTokens(String taskId, long tokens) {
        if (tokens > 0) {
            taskRepository.addTokens(taskId, tokens);
        }
    }

    @Inject
    ai.smartai.backend.llm.ProviderService providerService;

    @Transactional
    public void setStatus(String taskId, TaskStatus status) {
        taskRepository.findById(taskId).ifPresent(t -> t.setStatus(status, clock.instant()));
    }

    /** Flags near-identical programs and proofs across students, naming the other student. */
    @Transactional
    public List<String> detectCopies(String taskId) {
        List<String> warnings = new ArrayList<>();
        Map<String, String> idOf = new HashMap<>();
        students.list(taskId).forEach(s -> idOf.put(s.getUid(), s.getStudentId()));
        Map<String, List<Answer>> byProblem = students.answers(taskId).stream()
                .collect(Collectors.groupingBy(Answer::getProblemId));
        for (Problem p : problems.list(taskId)) {
            if (p.getType() != ProblemType.PROGRAMMING && p.getType() != ProblemType.PROOF) {
                continue;
            }
            List<Answer> answers = byProblem.getOrDefault(p.getProblemId(), List.of());
            Map<String, List<String>> partners = new LinkedHashMap<>();
            for (CopyDetector.Pair pair : CopyDetector.pairs(answers.stream().map(Answer::getText).toList(),
                    p.getReferenceAnswer())) {
                String a = answers.get(pair.a()).getStudentUid();
                String b = answers.get(pair.b()).getStudentUid();
                partners.computeIfAbsent(a, k -> new ArrayList<>()).add(idOf.get(b));
                partners.computeIfAbsent(b, k -> new ArrayList<>()).add(idOf.get(a));
                warnings.add(p.getProblemId() + ": " + idOf.get(a) + " and " + idOf.get(b) + " are near-identical ("
                        + Math.round(pair.similarity() * 100) + " %).");
            }
            partners.forEach((uid, others) -> grades.find(uid, p.getProblemId()).ifPresent(g -> g.addReviewReason(
                    "possible copying: near-identical to " + (others.size() == 1 ? "student " : "students ")
                            + String.join(", ", others.subList(0, Math.min(3, others.size())))
                            + (others.size() > 3 ? " and " + (others.size() - 3) + " more" : ""))));
        }
        return warnings;
    }

    @Transactional
    public List<GradeView> list(CurrentUser user, String taskId) {
        return list(user, taskId, null, null, false);
    }

    /**
     * The task's grades in table order (students as uploaded, problems as numbered), optionally of one student or one
     * problem. {@code brief} leaves out evidence and expert votes, which a results table does not show and which are
     * most of the bytes.
     */
    @Transactional
    public List<GradeView> list(CurrentUser user, String taskId, String studentId, String problemId, boolean brief) {
        tasks.require(user, taskId);
        Map<String, Student> byUid = new HashMap<>();
        students.list(taskId).forEach(s -> byUid.put(s.getUid(), s));
        Map<String, Problem> problemsById = new HashMap<>();
        problems.list(taskId).forEach(p -> problemsById.put(p.getProblemId(), p));
        Map<String, Integer> answerRevision = new HashMap<>();
        students.answers(taskId).forEach(a -> answerRevision.put(a.getStudentUid() + "/" + a.getProblemId(),
                a.getRevision()));
        record Row(GradeView view, int studentPosition, int problemPosition) {
        }
        List<Row> rows = new ArrayList<>();
        for (Grade g : grades.list(taskId)) {
            Student s = byUid.get(g.getStudentUid());
            Problem p = problemsById.get(g.getProblemId());
            if (s == null || p == null || (studentId != null && !studentId.equals(s.getStudentId()))
                    || (problemId != null && !problemId.equals(p.getProblemId()))) {
                continue;
            }
            boolean stale = g.isStale(p.getRevision(), answerRevision.getOrDefault(g.getStudentUid() + "/"
                    + g.getProblemId(), -1));
            GradeView view = GradeViews.view(g, s.getStudentId(), stale);
            if (brief) {
                view = GradeViews.brief(view);
            }
            rows.add(new Row(view, s.getPosition(), p.getPosition()));
        }
        rows.sort(java.util.Comparator.comparingInt(Row::studentPosition).thenComparing(r -> r.view().studentId())
                .thenComparingInt(Row::problemPosition));
        return rows.stream().map(Row::view).toList();
    }

    /** Grades that wait for the teacher: needing review and not overridden, least confident first. */
    @Transactional
    public List<GradeView> reviewQueue(CurrentUser user, String taskId) {
        return list(user, taskId).stream().filter(GradeView::needsReview)
                .sorted(java.util.Comparator.comparingDouble(GradeView::confidence)
                        .thenComparing(GradeView::studentId).thenComparing(GradeView::problemId))
                .toList();
    }

    /** The teacher's score and comment, kept beside the machine grade. */
    @Transactional
    public GradeView override(CurrentUser user, String taskId, String studentId, String problemId,
            OverrideRequest request) {
        tasks.require(user, taskId);
        Student s = students.find(taskId, studentId).orElseThrow(() -> ApiException.notFound("Student", studentId));
        Problem p = problems.find(taskId, problemId).orElseThrow(() -> ApiException.notFound("Problem", problemId));
        if (request.score() != null && request.score() > p.getMaxScore()) {
            throw ApiException.badRequest("validation_failed", "score: " + request.score() + " is more than the "
                    + "maximum " + p.getMaxScore() + " of " + problemId + ".");
        }
        Grade g = grades.find(s.getUid(), problemId).orElse(null);
        if (g == null) {
            g = new Grade(Ids.newId(), taskId, s.getUid(), problemId);
            g.record(new GradeResult(null, p.getMaxScore(), 0, ai.smartai.model.grade.GradeMethod.MANUAL, List.of(), null,
                    List.of()), p.getRevision(), students.answer(s.getUid(), problemId).map(Answer::getRevision)
                            .orElse(-1), "manual", clock.instant());
            grades.persist(g);
        }
        var before = g.getOverrideAt() == null ? null : java.util.Map.of("score", String.valueOf(g.getOverrideScore()),
                "comment", String.valueOf(g.getOverrideComment()));
        g.override(request.score(), request.comment(), user.username(), clock.instant());
        audit.record(taskId, user, "grade.override", studentId + "/" + problemId,
                before == null ? java.util.Map.of("machineScore", String.valueOf(g.getScore())) : before,
                java.util.Map.of("score", String.valueOf(request.score()), "comment", String.valueOf(request.comment())));
        return GradeViews.view(g, studentId, false);
    }

    /** One row a student: id, name, each problem's score (override where present), total, max, review count. */
    @Transactional
    public byte[] csv(CurrentUser user, String taskId) {
        tasks.require(user, taskId);
        List<Problem> ps = problems.list(taskId);
        Map<String, Grade> byKey = new HashMap<>();
        grades.list(taskId).forEach(g -> byKey.put(g.getStudentUid() + "/" + g.getProblemId(), g));
        StringBuilder out = new StringBuilder("\uFEFFstudent_id,student_name");
        ps.forEach(p -> out.append(',').append(p.getProblemId()));
        out.append(",total,max_total,needs_review\r\n");
        double maxTotal = ps.stream().mapToDouble(Problem::getMaxScore).sum();
        for (Student s : students.list(taskId)) {
            out.append(csvCell(s.getStudentId())).append(',').append(csvCell(s.getName() == null ? "" : s.getName()));
            double total = 0;
            int review = 0;
            for (Problem p : ps) {
                Grade g = byKey.get(s.getUid() + "/" + p.getProblemId());
                Double score = g == null ? null : g.effectiveScore();
                out.append(',').append(score == null ? "" : RubricScore.fmt(score));
                total += score == null ? 0 : score;
                review += g == null || g.needsReview() || score == null ? 1 : 0;
            }
            out.append(',').append(RubricScore.fmt(total)).append(',').append(RubricScore.fmt(maxTotal)).append(',')
                    .append(review).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A CSV cell a spreadsheet cannot run: a value whose first visible character starts a formula (= + - @, or a tab
     * or line break before it, Unicode line separators included) gets a leading apostrophe; a value with a comma,
     * quote or any line break is quoted, quotes doubled.
     */
    static String csvCell(String s) {
        int first = 0;
        while (first < s.length() && (Character.isWhitespace(s.charAt(first)) || Character.isSpaceChar(s.charAt(first))
                || s.charAt(first) == '\u0085')) {
            first++;
        }
        boolean formula = first < s.length() && "=+-@".indexOf(s.charAt(first)) >= 0
                || s.startsWith("\t") || s.startsWith("\r");
        String v = formula ? "'" + s : s;
        boolean quote = v.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r' || c == '\u2028'
                || c == '\u2029' || c == '\u0085');
        return quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    @Transactional
    public boolean jobFinished(String jobId) {
        return jobRepository.find(jobId).map(j -> j.getStatus() == JobStatus.SUCCEEDED).orElse(false);
    }

    @Transactional
    public Task task(String taskId) {
        return taskRepository.findById(taskId).orElseThrow();
    }
}
