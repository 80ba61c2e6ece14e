package ai.smartai.backend.review;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ai.smartai.backend.access.TaskAccess;
import ai.smartai.backend.account.CurrentUser;
import ai.smartai.backend.audit.AuditService;
import ai.smartai.backend.db.Hashes;
import ai.smartai.backend.gradebook.GradebookService;
import ai.smartai.backend.grading.FinalAnswers;
import ai.smartai.backend.grading.Grade;
import ai.smartai.backend.grading.GradeRepository;
import ai.smartai.backend.grading.similarity.Embeddings;
import ai.smartai.backend.problem.Problem;
import ai.smartai.backend.problem.ProblemRepository;
import ai.smartai.backend.problem.RubricChanged;
import ai.smartai.backend.student.Answer;
import ai.smartai.backend.student.Student;
import ai.smartai.backend.student.StudentRepository;
import ai.smartai.backend.web.ApiException;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import ai.smartai.model.grade.Evidence;
import ai.smartai.model.grade.GradeView;
import ai.smartai.model.grade.GroupDecision;
import ai.smartai.model.grade.OverrideRequest;
import ai.smartai.model.grade.ReviewGroup;
import ai.smartai.model.problem.ProblemType;
import ai.smartai.model.problem.RubricItem;

/**
 * One problem across the class, in groups the teacher can decide at once (question-by-question grading): answers with
 * the same final answer, or the same text once spacing and case are set aside; largest group first. A decision is the
 * teacher's override of every answer in the group (or of the members named, which splits it), each audited as its own
 * override.
 */
@ApplicationScoped
public class ReviewGroupService {

    /** Reasons shown per group: the distinct ones of its answers, up to this many. */
    static final int MAX_REASONS = 5;
    /**
     * Texts this close in meaning (cosine of their sentence embeddings) and length are one group: the same answer with
     * a word or a typo changed. Strict, since the teacher decides the group at once; a split undoes a wrong merge.
     */
    static final double NEAR_TEXT = 0.96;
    static final double NEAR_LENGTH = 0.8;
    /**
     * Answers in words: near in meaning is near in substance. Not code or maths, where one changed character ({@code
     * .lower()}, {@code 2x-1}) is another answer that embeddings still place side by side.
     */
    static final Set<ProblemType> PROSE = Set.of(ProblemType.CONCEPT, ProblemType.REASONING, ProblemType.PROOF,
            ProblemType.OTHER);
    /** Evidence that a program ran the key's tests. */
    static final Set<String> TESTS_RUN = Set.of(MessageCode.EV_SANDBOX_TESTS.code(),
            MessageCode.EV_SANDBOX_TESTS_STDIN.code(), MessageCode.EV_SANDBOX_TESTS_STDIN_EXACT.code());

    @Inject
    TaskAccess access;

    @Inject
    ProblemRepository problems;

    @Inject
    StudentRepository students;

    @Inject
    GradeRepository grades;

    @Inject
    GradebookService gradebook;

    @Inject
    AuditService audit;

    @Inject
    Embeddings embeddings;

    Clock clock = Clock.systemUTC();

    /** A group being built: its students in upload order and their grades. */
    private static final class Building {
        final String id;
        Message key;
        final Identity identity;
        final String text;
        final List<Integer> positions = new ArrayList<>();
        final List<String> studentIds = new ArrayList<>();
        final List<Grade> grades = new ArrayList<>();
        final int firstPosition;

        Building(Identity identity, String text, int firstPosition) {
            this.id = groupId(identity.value());
            this.identity = identity;
            this.key = identity.key();
            this.text = text;
            this.firstPosition = firstPosition;
        }

        void add(int position, String studentId, Grade grade) {
            positions.add(position);
            studentIds.add(studentId);
            if (grade != null) {
                grades.add(grade);
            }
        }

        /** Takes the other group's answers, keeping upload order. */
        void absorb(Building other) {
            Map<Integer, String> byPosition = new java.util.TreeMap<>();
            for (int i = 0; i < positions.size(); i++) {
                byPosition.put(positions.get(i), studentIds.get(i));
            }
            for (int i = 0; i < other.positions.size(); i++) {
                byPosition.put(other.positions.get(i), other.studentIds.get(i));
            }
            positions.clear();
            positions.addAll(byPosition.keySet());
            studentIds.clear();
            studentIds.addAll(byPosition.values());
            grades.addAll(other.grades);
            key = Message.of(MessageCode.GROUP_NEAR_TEXT);
        }
    }

    @Transactional
    public List<ReviewGroup> groups(CurrentUser user, String taskId, String problemId) {
        access.require(user, taskId);
        Problem p = problems.find(taskId, problemId)
                .orElseThrow(() -> ApiException.notFound(MessageCode.THING_PROBLEM, problemId));
        Map<String, String> answers = new HashMap<>();
        for (Answer a : students.answers(taskId, problemId)) {
            answers.put(a.getStudentUid(), a.getText());
        }
        Map<String, Grade> byStudent = new HashMap<>();
        for (Grade g : grades.list(taskId, problemId)) {
            byStudent.put(g.getStudentUid(), g);
        }
        Map<String, Building> groups = new LinkedHashMap<>();
        List<Student> ss = students.list(taskId);
        for (int i = 0; i < ss.size(); i++) {
            Student s = ss.get(i);
            String text = answers.getOrDefault(s.getUid(), "");
            Grade g = byStudent.get(s.getUid());
            Identity identity = identity(p, text, g);
            int position = i;
            groups.computeIfAbsent(identity.value(), k -> new Building(identity, text, position)).add(i,
                    s.getStudentId(), g);
        }
        return (PROSE.contains(p.getType()) ? mergeNearTexts(groups.values(), "zh".equals(p.getLanguage()))
                : new ArrayList<>(groups.values())).stream()
                .sorted(Comparator.comparingInt((Building b) -> -b.studentIds.size())
                        .thenComparingInt(b -> b.firstPosition))
                .map(ReviewGroupService::view).toList();
    }

    /** Applies the teacher's score (given, or added up from rubric items) to every answer of the group. */
    @Transactional
    public List<GradeView> decide(CurrentUser user, String taskId, String problemId, String groupId,
            GroupDecision decision) {
        ReviewGroup group = groups(user, taskId, problemId).stream().filter(g -> g.groupId().equals(groupId))
                .findFirst().orElseThrow(() -> ApiException.notFound(MessageCode.THING_REVIEW_GROUP, groupId));
        Problem p = problems.find(taskId, problemId)
                .orElseThrow(() -> ApiException.notFound(MessageCode.THING_PROBLEM, problemId));
        Scored scored = score(p, decision);
        List<String> chosen = group.studentIds();
        if (decision.studentIds() != null && !decision.studentIds().isEmpty()) {
            for (String s : decision.studentIds()) {
                if (!chosen.contains(s)) {
                    throw ApiException.badRequest("validation_failed", Message.of(MessageCode.ERR_NOT_IN_GROUP, s,
                            groupId, problemId));
                }
            }
            chosen = decision.studentIds();
        }
        return gradebook.overrideAll(user, taskId, problemId, chosen,
                new OverrideRequest(scored.score(), decision.comment()), scored.items());
    }

    /**
     * A rubric edit moves the teacher's grades that were given as its items: each such grade is the sum of its items'
     * new points (capped at the problem's maximum), audited as {@code grade.rubric-rescore}.
     */
    void rubricChanged(@Observes RubricChanged change) {
        Map<String, String> studentIds = new HashMap<>();
        students.list(change.taskId()).forEach(s -> studentIds.put(s.getUid(), s.getStudentId()));
        for (Grade g : grades.list(change.taskId(), change.problemId())) {
            if (g.getOverrideRubric().isEmpty() || g.getOverrideAt() == null) {
                continue;
            }
            List<String> kept = g.getOverrideRubric().stream()
                    .filter(i -> Integer.parseInt(i) <= change.after().size()).toList();
            double score = Math.min(change.maxScore(), kept.stream()
                    .mapToDouble(i -> change.after().get(Integer.parseInt(i) - 1).points()).sum());
            if (g.getOverrideScore() != null && Math.abs(g.getOverrideScore() - score) < 1e-9
                    && kept.size() == g.getOverrideRubric().size()) {
                continue;
            }
            Map<String, String> before = Map.of("score", String.valueOf(g.getOverrideScore()), "rubricItems",
                    String.join(",", g.getOverrideRubric()));
            g.override(score, g.getOverrideComment(), change.user().username(), clock.instant(), kept);
            audit.record(change.taskId(), change.user(), "grade.rubric-rescore", studentIds.get(g.getStudentUid())
                    + "/" + g.getProblemId(), before,
                    Map.of("score", String.valueOf(score), "rubricItems",
                            String.join(",", kept)));
        }
    }

    /** A group's score and, when it was given as rubric items, their numbers from 1. */
    private record Scored(double score, List<String> items) {
    }

    private static Scored score(Problem p, GroupDecision decision) {
        boolean items = decision.rubricItems() != null && !decision.rubricItems().isEmpty();
        if ((decision.score() == null) == !items) {
            throw ApiException.badRequest("validation_failed", Message.of(MessageCode.ERR_SCORE_OR_ITEMS));
        }
        if (!items) {
            return new Scored(decision.score(), List.of());
        }
        List<RubricItem> rubric = p.getRubric() == null ? List.of() : p.getRubric();
        double sum = 0;
        Set<Integer> used = new LinkedHashSet<>();
        for (String item : decision.rubricItems()) {
            int at = rubricIndex(rubric, item.strip());
            if (at < 0) {
                throw ApiException.badRequest("validation_failed", Message.of(MessageCode.ERR_NOT_A_RUBRIC_ITEM,
                        item, p.getProblemId(), rubric.size()));
            }
            if (used.add(at)) {
                sum += rubric.get(at).points();
            }
        }
        return new Scored(Math.min(sum, p.getMaxScore()), used.stream().map(i -> Integer.toString(i + 1)).toList());
    }

    private static int rubricIndex(List<RubricItem> rubric, String item) {
        if (item.matches("\\d{1,3}")) {
            int n = Integer.parseInt(item);
            return n >= 1 && n <= rubric.size() ? n - 1 : -1;
        }
        for (int i = 0; i < rubric.size(); i++) {
            if (rubric.get(i).description().strip().equalsIgnoreCase(item)) {
                return i;
            }
        }
        return -1;
    }

    /** What puts an answer with others, and how the group is named. */
    private record Identity(String value, Message key) {
    }

    private static Identity identity(Problem p, String text, Grade grade) {
        if (text == null || text.isBlank()) {
            return new Identity("blank", Message.of(MessageCode.GROUP_BLANK));
        }
        Optional<Identity> tests = testsOf(grade);
        if (tests.isPresent()) {
            return tests.get();
        }
        Optional<String> last = FinalAnswers.read(p.getType(), p.getReferenceAnswer(), text);
        if (last.isPresent()) {
            return new Identity("final:" + last.get().toLowerCase(Locale.ROOT),
                    Message.of(MessageCode.GROUP_FINAL_ANSWER, last.get()));
        }
        String plain = text.toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{Punct}，。；：、！？（）“”]+", " ").strip();
        return new Identity("text:" + plain, Message.of(MessageCode.GROUP_SIMILAR_TEXT));
    }

    /** Programs that ran the key's tests: the same tests failed (by number), or all passed. */
    private static Optional<Identity> testsOf(Grade grade) {
        if (grade == null || grade.getEvidence() == null) {
            return Optional.empty();
        }
        boolean ran = false;
        String failed = null;
        for (Evidence e : grade.getEvidence()) {
            if (MessageCode.EV_SANDBOX_FAILED_TESTS.code().equals(e.code()) && e.args() != null
                    && !e.args().isEmpty()) {
                failed = e.args().get(0);
            } else if (TESTS_RUN.contains(e.code())) {
                ran = true;
            }
        }
        if (!ran) {
            return Optional.empty();
        }
        return Optional.of(failed == null
                ? new Identity("tests:all", Message.of(MessageCode.GROUP_PASSES_ALL_TESTS))
                : new Identity("tests:" + failed, Message.of(MessageCode.GROUP_FAILS_TESTS, failed)));
    }

    /**
     * Groups of text that differ in a word or two become one, largest first: each text group joins the first kept
     * group whose text is near it in meaning and length.
     */
    private List<Building> mergeNearTexts(java.util.Collection<Building> built, boolean zh) {
        List<Building> ordered = built.stream().sorted(Comparator.comparingInt((Building b) -> -b.studentIds.size())
                .thenComparingInt(b -> b.firstPosition)).toList();
        List<Building> kept = new ArrayList<>();
        Map<Building, float[]> vectors = new HashMap<>();
        for (Building b : ordered) {
            Building near = null;
            if (b.identity.value().startsWith("text:")) {
                float[] v = vectors.computeIfAbsent(b, x -> embeddings.vector(x.text, zh));
                for (Building k : kept) {
                    if (k.identity.value().startsWith("text:") && nearLength(k.text, b.text)
                            && Embeddings.cosine(vectors.computeIfAbsent(k, x -> embeddings.vector(x.text, zh)),
                                    v) >= NEAR_TEXT) {
                        near = k;
                        break;
                    }
                }
            }
            if (near == null) {
                kept.add(b);
            } else {
                near.absorb(b);
            }
        }
        return kept;
    }

    private static boolean nearLength(String a, String b) {
        double shorter = Math.min(a.strip().length(), b.strip().length());
        double longer = Math.max(a.strip().length(), b.strip().length());
        return longer == 0 || shorter / longer >= NEAR_LENGTH;
    }

    private static ReviewGroup view(Building b) {
        Map<Double, Integer> scores = new HashMap<>();
        Set<Message> reasons = new LinkedHashSet<>();
        for (Grade g : b.grades) {
            if (g.getScore() != null) {
                scores.merge(g.getScore(), 1, Integer::sum);
            }
            g.getReviewReasons().stream().limit(MAX_REASONS).forEach(reasons::add);
        }
        Double suggested = scores.entrySet().stream()
                .max(Map.Entry.<Double, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse(null);
        List<Message> shown = reasons.stream().limit(MAX_REASONS).toList();
        return new ReviewGroup(b.id, b.key.english(), b.studentIds.size(), List.copyOf(b.studentIds), suggested,
                shown.stream().map(Message::english).toList(), b.key, shown);
    }

    /** A stable id for the same group across requests: the decision names the group the teacher saw. */
    private static String groupId(String identity) {
        return Hashes.sha256Of(identity).substring(0, 16);
    }
}
