package ai.smartai.backend.ingest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ai.smartai.backend.db.Ids;
import ai.smartai.backend.ingest.parse.AnswerKeyParser;
import ai.smartai.backend.ingest.parse.Numbering;
import ai.smartai.backend.ingest.parse.ParsedKey;
import ai.smartai.backend.ingest.parse.ParsedProblem;
import ai.smartai.backend.ingest.parse.ParsedSubmission;
import ai.smartai.backend.ingest.parse.ProblemClassifier;
import ai.smartai.backend.ingest.parse.StudentIdentifier;
import ai.smartai.backend.ingest.parse.SubmissionParser;
import ai.smartai.backend.problem.DefaultRubrics;
import ai.smartai.backend.problem.Problem;
import ai.smartai.backend.problem.ProblemRepository;
import ai.smartai.backend.student.Answer;
import ai.smartai.backend.student.SheetFlag;
import ai.smartai.backend.student.SheetFlag.Kind;
import ai.smartai.backend.student.Student;
import ai.smartai.backend.student.StudentRepository;
import ai.smartai.backend.task.Task;
import ai.smartai.backend.task.TaskRepository;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import ai.smartai.model.common.Scores;
import ai.smartai.model.job.JobKind;
import ai.smartai.model.problem.ProblemType;
import ai.smartai.model.problem.RubricItem;
import ai.smartai.model.problem.TestCase;
import ai.smartai.model.student.IdentifiedBy;
import ai.smartai.model.task.TaskStatus;

/** Writes parse results, each upload in one transaction. */
@ApplicationScoped
public class IngestWriter {

    /** Flags the parser sets again on every re-split; other flags stay. */
    private static final Set<Kind> PARSER_FLAGS = EnumSet.of(Kind.IDENTITY_CONFLICT, Kind.UNIDENTIFIED,
            Kind.UNMATCHED_TEXT, Kind.UNSEGMENTED);

    /** One student's sheet as read: the parse, extra flags, and the whole text. */
    public record Sheet(ParsedSubmission parsed, List<SheetFlag> flags, String rawText) {
        static Sheet unreadable(String path, Message why, List<String> numbers) {
            var id = StudentIdentifier.fromFileName(path);
            Map<String, ParsedSubmission.Answer> answers = new LinkedHashMap<>();
            numbers.forEach(
                    n -> answers.put(n, new ParsedSubmission.Answer("", List.of(SheetFlag.of(Kind.UNANSWERED)))));
            List<SheetFlag> flags = new ArrayList<>(List.of(SheetFlag.unreadableFile(why)));
            if (id.id() == null) {
                flags.add(SheetFlag.of(Kind.UNIDENTIFIED));
            }
            return new Sheet(new ParsedSubmission(path, id.id(), id.name(), IdentifiedBy.FILENAME, List.of(), answers,
                    ""), flags, "");
        }
    }

    @Inject
    ProblemRepository problems;

    @Inject
    StudentRepository students;

    @Inject
    UploadRepository uploads;

    @Inject
    TaskRepository tasks;

    Clock clock = Clock.systemUTC();

    @Transactional
    public Map<String, ProblemType> problemTypes(String taskId) {
        Map<String, ProblemType> types = new LinkedHashMap<>();
        problems.list(taskId).forEach(p -> types.put(p.getNumber(), p.getType()));
        return types;
    }

    @Transactional
    public List<String> problemNumbers(String taskId) {
        return problems.list(taskId).stream().map(Problem::getNumber).toList();
    }

    /** How many sub-parts each problem sets out: a sheet may number every part on its own. */
    @Transactional
    public Map<String, Integer> subParts(String taskId) {
        return subParts(problems.list(taskId));
    }

    private static Map<String, Integer> subParts(List<Problem> list) {
        Map<String, Integer> parts = new LinkedHashMap<>();
        list.forEach(p -> parts.put(p.getNumber(), Numbering.subParts(p.getStem())));
        return parts;
    }

    /** Replaces the problem set: changed problems get a new revision; the key is re-applied; answers re-split. */
    @Transactional
    public List<Message> replaceProblems(String taskId, String jobId, String text, List<ParsedProblem> parsed) {
        uploads.byJob(jobId).ifPresent(u -> u.setText(text));
        return replace(taskId, parsed);
    }

    /** Replaces the problems with a split the key's numbering guided; the problem set's upload is kept as it is. */
    @Transactional
    public List<Message> resplitProblems(String taskId, List<ParsedProblem> parsed) {
        return replace(taskId, parsed);
    }

    /** A stored document's name and text as read. */
    public record Document(String fileName, String text) {
    }

    /** The newest upload of a kind whose text was read: the problem set or the key the other is checked against. */
    @Transactional
    public Optional<Document> latestRead(String taskId, JobKind kind) {
        return uploads.latestRead(taskId, kind).map(u -> new Document(u.getFileName(), u.getText()));
    }

    private List<Message> replace(String taskId, List<ParsedProblem> parsed) {
        Map<String, Problem> existing = new HashMap<>();
        problems.list(taskId).forEach(p -> existing.put(p.getProblemId(), p));
        Set<String> keep = new HashSet<>();
        int position = 0;
        for (ParsedProblem pp : parsed) {
            keep.add(pp.id());
            Problem p = existing.get(pp.id());
            boolean fresh = p == null;
            if (fresh) {
                p = new Problem(Ids.newId(), taskId, pp.id(), position, pp.number());
            }
            boolean changed = fresh || !Objects.equals(p.getStem(), pp.stem()) || p.getType() != pp.type()
                    || p.getMaxScore() != pp.maxScore();
            p.setPosition(position++);
            if (changed) {
                p.setStem(pp.stem());
                p.setType(pp.type());
                p.setTypeReason(pp.typeReason());
                p.setChoices(pp.choices());
                p.setLanguage(pp.language());
                p.setMaxScore(pp.maxScore(), pp.maxScoreFromText() ? Problem.MaxScoreSource.TEXT
                        : Problem.MaxScoreSource.DEFAULT);
                p.setRubric(pp.rubric());
                p.setReferenceAnswer(null);
                p.setCorrectChoices(List.of());
                p.setTestCases(List.of());
                p.setPolicies(List.of());
                p.touch();
            }
            if (fresh) {
                problems.persist(p);
            }
        }
        for (Problem p : existing.values()) {
            if (!keep.contains(p.getProblemId())) {
                students.deleteAnswersOfProblem(taskId, p.getProblemId());
                problems.delete(p);
            }
        }
        students.flush();
        List<Message> warnings = new ArrayList<>();
        uploads.latestRead(taskId, JobKind.ANSWER_KEY).ifPresent(key -> {
            Map<String, ProblemType> types = problemTypes(taskId);
            var parsedKey = AnswerKeyParser.parse(key.getFileName(), key.getText(), types);
            warnings.addAll(apply(taskId, parsedKey.keys()));
        });
        resplit(taskId);
        updateStatus(taskId);
        return warnings;
    }

    @Transactional
    public List<Message> applyKey(String taskId, String jobId, String text, List<ParsedKey> keys) {
        uploads.byJob(jobId).ifPresent(u -> u.setText(text));
        List<Message> warnings = apply(taskId, keys);
        updateStatus(taskId);
        return warnings;
    }

    private List<Message> apply(String taskId, List<ParsedKey> keys) {
        List<Message> warnings = new ArrayList<>();
        for (ParsedKey key : keys) {
            Problem p = problems.find(taskId, "q" + key.number()).orElse(null);
            if (p == null) {
                continue;
            }
            boolean changed = !Objects.equals(p.getReferenceAnswer(), key.referenceAnswer());
            p.setReferenceAnswer(key.referenceAnswer());
            var byKey = ProblemClassifier.byKey(p.getStem(), p.getType(), key.referenceAnswer());
            if (byKey.isPresent()) {
                // A stem that is only a formula: the key's answer tells what is asked.
                p.setType(byKey.get().type());
                p.setTypeReason(byKey.get().reason());
                if (key.rubric().isEmpty()) {
                    p.setRubric(DefaultRubrics.forType(p.getType(), p.getMaxScore(), p.getLanguage()));
                }
                changed = true;
            }
            if (key.points() != null && p.getMaxScoreSource() != Problem.MaxScoreSource.TEXT
                    && p.getMaxScoreSource() != Problem.MaxScoreSource.TEACHER && key.points() > 0
                    && key.points() != p.getMaxScore()) {
                // Points stated only in the key count as stated by the documents.
                p.setMaxScore(key.points(), Problem.MaxScoreSource.TEXT);
                if (key.rubric().isEmpty()) {
                    p.setRubric(DefaultRubrics.forType(p.getType(), key.points(), p.getLanguage()));
                }
                changed = true;
            }
            if (!key.policies().equals(p.getPolicies())) {
                p.setPolicies(key.policies());
                changed = true;
            }
            if (!key.rubric().isEmpty() && !key.rubric().equals(p.getRubric())) {
                p.setRubric(key.rubric());
                double total = key.rubric().stream().mapToDouble(RubricItem::points).sum();
                if (p.getMaxScoreSource() == Problem.MaxScoreSource.DEFAULT
                        || p.getMaxScoreSource() == Problem.MaxScoreSource.RUBRIC) {
                    p.setMaxScore(total, Problem.MaxScoreSource.RUBRIC);
                } else if (Math.abs(total - p.getMaxScore()) > 1e-9) {
                    warnings.add(Message.of(MessageCode.UP_RUBRIC_SCALED, p.getProblemId(), Scores.format(total),
                            Scores.format(p.getMaxScore())));
                }
                changed = true;
            }
            if (p.getType() == ProblemType.CHOICE) {
                if (key.correctChoices().isEmpty()) {
                    warnings.add(Message.of(MessageCode.UP_KEY_NO_OPTION, p.getProblemId()));
                } else if (!key.correctChoices().equals(p.getCorrectChoices())) {
                    p.setCorrectChoices(key.correctChoices());
                    changed = true;
                }
            }
            if (!key.testCases().isEmpty() && !key.testCases().equals(p.getTestCases())) {
                p.setTestCases(key.testCases());
                changed = true;
            }
            if (p.getType() == ProblemType.PROGRAMMING && p.getTestCases().isEmpty()) {
                List<TestCase> examples = AnswerKeyParser.examples(p.getStem());
                if (examples.isEmpty()) {
                    warnings.add(Message.of(MessageCode.UP_KEY_NO_TESTS, p.getProblemId()));
                } else {
                    p.setTestCases(examples);
                    changed = true;
                    warnings.add(Message.of(MessageCode.UP_KEY_EXAMPLES_AS_TESTS, p.getProblemId(), examples.size()));
                }
            }
            if (changed) {
                p.touch();
            }
        }
        return warnings;
    }

    /** Splits every student's kept text again by the current problems; a teacher's edited answers stay. */
    private void resplit(String taskId) {
        List<Problem> current = problems.list(taskId);
        List<String> numbers = current.stream().map(Problem::getNumber).toList();
        Map<String, Integer> parts = subParts(current);
        for (Student s : students.sheets(taskId)) {
            if (s.getRawText().isEmpty()) {
                continue;
            }
            ParsedSubmission parsed = SubmissionParser.parse(s.getSourceFile(), s.getRawText(), numbers, parts);
            List<SheetFlag> flags = new ArrayList<>(s.getFlags().stream()
                    .filter(f -> !PARSER_FLAGS.contains(f.kind())).toList());
            flags.addAll(parsed.flags());
            s.setFlags(flags);
            s.setUnmatchedText(parsed.unmatchedText());
            Map<String, Answer> byProblem = new HashMap<>();
            students.answersOf(s.getUid()).forEach(a -> byProblem.put(a.getProblemId(), a));
            parsed.answers().forEach((number, answer) -> {
                Answer a = byProblem.get("q" + number);
                if (a == null) {
                    students.persist(new Answer(Ids.newId(), taskId, s.getUid(), "q" + number, answer.text(),
                            answer.flags()));
                } else if (!a.isEdited()) {
                    a.reparse(answer.text(), answer.flags());
                }
            });
        }
    }

    /** What one upload's batches share: which ids are taken, and by which file. */
    public static final class Batch {
        final String taskId;
        final Map<String, String> uidById = new HashMap<>();
        final Map<String, String> fileById = new HashMap<>();
        final Set<String> takenHere = new HashSet<>();
        int position;

        Batch(String taskId) {
            this.taskId = taskId;
        }
    }

    @Transactional
    public Batch newBatch(String taskId) {
        Batch b = new Batch(taskId);
        for (Student s : students.sheets(taskId)) {
            b.uidById.put(s.getStudentId(), s.getUid());
            b.fileById.put(s.getStudentId(), s.getSourceFile());
        }
        b.position = students.nextPosition(taskId);
        return b;
    }

    /**
     * Stores some students of an upload. A student who handed in two files (a resubmission, a copy, the same work as
     * .md and .pdf) stays one student: the later file is graded, the other is kept beside it as an other submission
     * (shown with the student, never graded on its own, never mixed in), and the graded sheet is flagged so the
     * teacher can choose. A file uploaded again under the same name replaces its earlier version.
     */
    @Transactional
    public List<Message> saveSubmissions(Batch b, List<Sheet> sheets) {
        List<Message> warnings = new ArrayList<>();
        String taskId = b.taskId;
        for (Sheet sheet : sheets) {
            ParsedSubmission p = sheet.parsed();
            String base = p.studentId() != null ? clip(p.studentId(), ID_LENGTH) : fallbackId(p.sourceFile());
            Optional<String> replaced = replaceSameFile(b, base, p.sourceFile());
            List<SheetFlag> flags = new ArrayList<>(p.flags());
            // The sheet's flags start from the parser's: each flag once.
            sheet.flags().stream().filter(f -> !flags.contains(f)).forEach(flags::add);
            Student s = new Student(Ids.newId(), taskId, base, b.position++, p.sourceFile());
            s.setName(p.name() == null ? null : clip(p.name(), NAME_LENGTH));
            s.setIdentifiedBy(p.identifiedBy());
            s.setFlags(flags);
            s.setUnmatchedText(p.unmatchedText());
            s.setRawText(sheet.rawText());
            Student graded = b.uidById.containsKey(base) ? students.find(taskId, base).orElse(null) : null;
            boolean apart = graded != null && (conflicted(flags) || conflicted(graded.getFlags()));
            if (apart) {
                // Files named for different students whose sheets give one id: a copied sheet as often as a
                // resubmission. Both stay students, neither graded in place of the other; the teacher decides.
                String id = base + "~" + nextSuffix(b, base);
                s.setStudentId(id);
                addFlag(s, SheetFlag.duplicateId(base, graded.getSourceFile(), null));
                addFlag(graded, SheetFlag.duplicateId(base, p.sourceFile(), null));
                warnings.add(Message.of(MessageCode.UP_DUPLICATE_ID_KEPT_BOTH, p.sourceFile(), base,
                        graded.getSourceFile(), id));
            } else if (graded != null) {
                boolean same = graded.getRawText().equals(sheet.rawText());
                // A file of a later upload is later; within one upload the names decide, then the order.
                boolean afterwards = !b.takenHere.contains(base) || later(p.sourceFile(), graded.getSourceFile());
                Student kept = !same && afterwards ? s : graded;
                Student other = kept == s ? graded : s;
                String otherId = base + "~" + nextSuffix(b, base);
                other.setStudentId(otherId);
                other.setSupersededBy(kept.getUid());
                repoint(taskId, graded.getUid(), kept.getUid());
                students.flush();
                b.uidById.put(otherId, other.getUid());
                b.fileById.put(otherId, other.getSourceFile());
                addFlag(kept, SheetFlag.duplicateId(base, other.getSourceFile(), same));
                warnings.add(same
                        ? Message.of(MessageCode.UP_DUPLICATE_ID_SAME_TEXT, p.sourceFile(), base,
                                graded.getSourceFile(), kept.getSourceFile())
                        : Message.of(MessageCode.UP_DUPLICATE_ID, p.sourceFile(), base, graded.getSourceFile(),
                                kept.getSourceFile(), other.getSourceFile()));
            }
            students.persist(s);
            if (apart) {
                b.uidById.put(s.getStudentId(), s.getUid());
                b.fileById.put(s.getStudentId(), p.sourceFile());
            } else if (s.getSupersededBy() == null) {
                replaced.ifPresent(uid -> repoint(taskId, uid, s.getUid()));
                b.uidById.put(base, s.getUid());
                b.fileById.put(base, p.sourceFile());
            }
            b.takenHere.add(s.getStudentId());
            b.takenHere.add(base);
            p.answers().forEach((number, answer) -> students.persist(new Answer(Ids.newId(), taskId, s.getUid(),
                    "q" + number, answer.text(), answer.flags())));
        }
        updateStatus(taskId);
        return warnings;
    }

    /**
     * A file uploaded again under the same name, by an earlier upload, replaces its earlier version. Returns the uid of
     * the graded sheet it replaced, whose other submissions then belong to the new one.
     */
    private Optional<String> replaceSameFile(Batch b, String base, String sourceFile) {
        if (b.takenHere.contains(base)) {
            return Optional.empty();
        }
        Optional<String> replaced = Optional.empty();
        for (Student old : students.sheets(b.taskId)) {
            boolean ofBase = old.getStudentId().equals(base) || old.getStudentId().startsWith(base + "~");
            if (ofBase && old.getSourceFile().equals(sourceFile)) {
                if (old.getSupersededBy() == null) {
                    replaced = Optional.of(old.getUid());
                }
                b.uidById.remove(old.getStudentId());
                b.fileById.remove(old.getStudentId());
                students.delete(old);
                students.flush();
            }
        }
        return replaced;
    }

    /** The other submissions of one sheet now belong to another. */
    private void repoint(String taskId, String fromUid, String toUid) {
        students.otherSubmissions(taskId).stream().filter(o -> o.getSupersededBy().equals(fromUid))
                .forEach(o -> o.setSupersededBy(toUid));
    }

    /**
     * Of two files of one student in one upload, whether {@code file} is the later: a copy's name ("hw(1).md") is
     * later than the name it copies; otherwise the one that comes after in the archive.
     */
    static boolean later(String file, String other) {
        return StudentIdentifier.copyNumber(file) >= StudentIdentifier.copyNumber(other);
    }

    private static int nextSuffix(Batch b, String base) {
        int n = 2;
        while (b.uidById.containsKey(base + "~" + n)) {
            n++;
        }
        return n;
    }

    /** The file's name gives another id than the sheet. */
    private static boolean conflicted(List<SheetFlag> flags) {
        return flags.stream().anyMatch(f -> f.is(Kind.IDENTITY_CONFLICT));
    }

    private static void addFlag(Student s, SheetFlag flag) {
        if (!s.getFlags().contains(flag)) {
            List<SheetFlag> f = new ArrayList<>(s.getFlags());
            f.add(flag);
            s.setFlags(f);
        }
    }

    /** Room left in the id column for a duplicate's "~n" suffix. */
    static final int ID_LENGTH = 60;
    static final int NAME_LENGTH = 100;

    private static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    /** A readable id for a sheet with none: its file name, so the teacher can find it. */
    static String fallbackId(String sourceFile) {
        String base = StudentIdentifier.baseName(sourceFile).replaceAll("[/\\\\\\s]+", "_");
        if (base.isBlank()) {
            base = "unidentified";
        }
        return clip(base, ID_LENGTH);
    }

    private void updateStatus(String taskId) {
        Task task = tasks.findById(taskId).orElseThrow();
        boolean ready = problems.count(taskId) > 0 && students.count(taskId) > 0;
        if (task.getStatus() == TaskStatus.DRAFT && ready) {
            task.setStatus(TaskStatus.READY, clock.instant());
        } else {
            task.setStatus(task.getStatus(), clock.instant());
        }
    }

}
