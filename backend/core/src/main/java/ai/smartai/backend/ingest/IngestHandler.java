package ai.smartai.backend.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.smartai.backend.ingest.archive.ArchiveException;
import ai.smartai.backend.ingest.archive.ArchiveLimits;
import ai.smartai.backend.ingest.archive.ArchiveReader;
import ai.smartai.backend.ingest.parse.AnswerKeyParser;
import ai.smartai.backend.ingest.parse.ParsedProblem;
import ai.smartai.backend.ingest.parse.ProblemSetParser;
import ai.smartai.backend.ingest.parse.SubmissionParser;
import ai.smartai.backend.ingest.segment.LlmSegmenter;
import ai.smartai.backend.ingest.text.DocumentReader;
import ai.smartai.backend.ingest.text.UnreadableDocumentException;
import ai.smartai.backend.job.Job;
import ai.smartai.backend.job.JobContext;
import ai.smartai.backend.job.JobFailure;
import ai.smartai.backend.job.JobHandler;
import ai.smartai.backend.metrics.OpsMetrics;
import ai.smartai.backend.student.SheetFlag;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import ai.smartai.model.job.JobKind;
import ai.smartai.model.problem.ProblemType;

/**
 * Parses an upload in the background. Reading and parsing happen outside any transaction; the result is written in
 * one, so a failure or a crash leaves what was stored before untouched, and a re-run gives the same result.
 */
@ApplicationScoped
public class IngestHandler implements JobHandler {

    @Inject
    UploadStore store;

    @Inject
    IngestWriter writer;

    @Inject
    ArchiveLimits limits;

    @Inject
    LlmSegmenter segmenter;

    @Override
    public Set<JobKind> kinds() {
        return Set.of(JobKind.PROBLEMS, JobKind.ANSWER_KEY, JobKind.SUBMISSIONS);
    }

    @Override
    public CompletionStage<Void> run(JobContext context) {
        Job job = context.job();
        byte[] bytes;
        try {
            bytes = store.read(job.getInputFile());
        } catch (IOException e) {
            throw new JobFailure(Message.of(MessageCode.UP_STORED_UNREADABLE, job.getInputName(), e.getMessage()), e);
        }
        try {
            switch (job.getKind()) {
                case PROBLEMS -> problems(context, job, bytes);
                case ANSWER_KEY -> answerKey(context, job, bytes);
                case SUBMISSIONS -> submissions(context, job, bytes);
                default -> throw new JobFailure(Message.text("not an upload job: " + job.getKind()));
            }
        } catch (RuntimeException e) {
            OpsMetrics.ingestFailed(job.getKind().name());
            throw e;
        }
        return CompletableFuture.completedFuture(null);
    }

    private void problems(JobContext context, Job job, byte[] bytes) {
        context.start(1);
        String text = document(job.getInputName(), bytes, context);
        ProblemSetParser.Result parsed = ProblemSetParser.parse(job.getInputName(), text);
        if (parsed.problems().isEmpty()) {
            throw new JobFailure(Message.of(MessageCode.UP_NO_PROBLEMS, job.getInputName()));
        }
        List<ParsedProblem> found = parsed.problems();
        List<Message> notes = new ArrayList<>(parsed.warnings());
        Optional<IngestWriter.Document> key = writer.latestRead(job.getTaskId(), JobKind.ANSWER_KEY);
        List<String> numbers = parsed.unclear() ? List.of()
                : parsed.problems().stream().map(ParsedProblem::number).toList();
        int keyCount = key.map(k -> ProblemSetParser.numberedCount(k.text(), numbers)).orElse(0);
        var counted = keyCount > found.size() ? ProblemSetParser.parseCounted(job.getInputName(), text, keyCount)
                : Optional.<ProblemSetParser.Result>empty();
        if (counted.isEmpty() && found.size() <= 1 && key.isPresent()) {
            counted = looselyCounted(job.getInputName(), text, key.get().text());
        }
        if (counted.isPresent()) {
            found = counted.get().problems();
            notes = new ArrayList<>(counted.get().warnings());
        } else if (parsed.unclear()) {
            // No numbering: the teacher's model may split the document, copying text only.
            var split = segmenter.splitProblemSet(job.getTaskId(), text, notes);
            if (split.isPresent()) {
                notes.removeAll(parsed.warnings());
                List<ParsedProblem> byModel = new ArrayList<>();
                for (int i = 0; i < split.get().stems().size(); i++) {
                    var p = ProblemSetParser.problem(Integer.toString(i + 1), split.get().stems().get(i));
                    byModel.add(new ParsedProblem(p.number(), p.stem(), p.type(),
                            "split by " + split.get().by() + " (LLM-assisted); " + p.typeReason(), p.maxScore(),
                            p.maxScoreFromText(), p.choices(), p.rubric(), p.language()));
                }
                found = byModel;
            }
        }
        boolean ownReading = found == parsed.problems();
        if (keyCount > found.size() && ownReading) {
            var completed = ProblemSetParser.completedByKey(job.getInputName(), text, key.get().fileName(),
                    key.get().text(), keyCount);
            if (completed.isPresent()) {
                found = completed.get().problems();
                notes = new ArrayList<>(completed.get().warnings());
            }
        }
        if (keyCount > found.size()) {
            notes.add(Message.of(MessageCode.UP_FEWER_PROBLEMS, key.get().fileName(), keyCount, job.getInputName(),
                    found.size()));
        }
        context.warn(notes);
        List<Message> warnings = writer.replaceProblems(job.getTaskId(), job.getId(), text, found);
        context.warn(warnings);
        context.progress(1, 1);
    }

    private void answerKey(JobContext context, Job job, byte[] bytes) {
        context.start(1);
        String text = document(job.getInputName(), bytes, context);
        splitByKey(context, job, text);
        Map<String, ProblemType> types = writer.problemTypes(job.getTaskId());
        AnswerKeyParser.Result parsed = AnswerKeyParser.parse(job.getInputName(), text, types);
        if (parsed.keys().isEmpty()) {
            // Why none matched is in the warnings, each in the teacher's language.
            context.warn(parsed.warnings());
            throw new JobFailure(Message.of(MessageCode.UP_KEY_MATCHES_NONE, job.getInputName()));
        }
        context.warn(parsed.warnings());
        context.warn(writer.applyKey(job.getTaskId(), job.getId(), text, parsed.keys()));
        context.progress(1, 1);
    }

    /**
     * A key that numbers more problems than the problem set was read as: the set is split again where the key's
     * numbers stand in it, or completed from the key; when neither fits, the teacher is told which answers cannot be
     * graded.
     */
    private void splitByKey(JobContext context, Job job, String keyText) {
        List<String> numbers = writer.problemNumbers(job.getTaskId());
        int keyCount = ProblemSetParser.numberedCount(keyText, numbers);
        int problemCount = numbers.size();
        if (keyCount <= problemCount) {
            if (problemCount <= 1) {
                writer.latestRead(job.getTaskId(), JobKind.PROBLEMS)
                        .flatMap(set -> looselyCounted(set.fileName(), set.text(), keyText)).ifPresent(counted -> {
                            context.warn(counted.warnings());
                            context.warn(writer.resplitProblems(job.getTaskId(), counted.problems()));
                        });
            }
            return;
        }
        writer.latestRead(job.getTaskId(), JobKind.PROBLEMS).ifPresent(set -> {
            var counted = ProblemSetParser.parseCounted(set.fileName(), set.text(), keyCount).or(() -> ProblemSetParser
                    .completedByKey(set.fileName(), set.text(), job.getInputName(), keyText, keyCount));
            if (counted.isPresent()) {
                context.warn(counted.get().warnings());
                context.warn(writer.resplitProblems(job.getTaskId(), counted.get().problems()));
            } else {
                context.warn(List.of(Message.of(MessageCode.UP_FEWER_PROBLEMS, job.getInputName(), keyCount,
                        set.fileName(), problemCount)));
            }
        });
    }

    /**
     * A set and a key that both number their problems only on loose markers ("1 Sorting" as LaTeX typesets a section):
     * the set split where the key's count of them stands in it; empty unless both hold the same 1…N.
     */
    private static Optional<ProblemSetParser.Result> looselyCounted(String setName, String setText, String keyText) {
        int loose = ProblemSetParser.looselyNumberedCount(keyText);
        return loose > 1 ? ProblemSetParser.parseCounted(setName, setText, loose) : Optional.empty();
    }

    private void submissions(JobContext context, Job job, byte[] bytes) {
        ArchiveReader.Result archive;
        try {
            archive = ArchiveReader.read(job.getInputName(), bytes, limits);
        } catch (ArchiveException e) {
            throw new JobFailure(e.text(), e);
        }
        context.warn(archive.warnings());
        // An array we can clear as we go: memory holds the decoded text, not every member's bytes twice.
        ArchiveReader.Member[] members = archive.members().toArray(ArchiveReader.Member[]::new);
        archive = null;
        bytes = null;
        if (members.length == 0) {
            throw new JobFailure(Message.of(MessageCode.UP_ARCHIVE_EMPTY, job.getInputName()));
        }
        context.start(members.length);
        List<String> numbers = writer.problemNumbers(job.getTaskId());
        Map<String, Integer> parts = writer.subParts(job.getTaskId());
        List<IngestWriter.Sheet> sheets = new ArrayList<>();
        List<Message> warnings = new ArrayList<>();
        IngestWriter.Batch batch = writer.newBatch(job.getTaskId());
        int done = 0;
        int saved = 0;
        for (int i = 0; i < members.length; i++) {
            ArchiveReader.Member m = members[i];
            members[i] = null;
            context.progress(done, members.length, m.path());
            if (!DocumentReader.isSupported(m.path()) && !m.path().toLowerCase(Locale.ROOT).endsWith(".doc")) {
                warnings.add(Message.of(MessageCode.UP_NOT_HOMEWORK, m.path(), DocumentReader.extension(m.path())));
                done++;
                continue;
            }
            try {
                DocumentReader.Text text = DocumentReader.read(m.path(), m.bytes());
                var parsed = SubmissionParser.parse(m.path(), text.text(), numbers, parts);
                List<SheetFlag> flags = new ArrayList<>(parsed.flags());
                if (text.guessed()) {
                    flags.add(SheetFlag.of(SheetFlag.Kind.ENCODING_GUESSED));
                    warnings.add(Message.of(MessageCode.UP_ENCODING_CHECK, m.path(), text.how()));
                }
                sheets.add(new IngestWriter.Sheet(parsed, flags, text.text()));
            } catch (UnreadableDocumentException e) {
                warnings.add(e.text());
                sheets.add(IngestWriter.Sheet.unreadable(m.path(), e.text(), numbers));
            }
            done++;
            // Saved in batches, each its own transaction: memory stays flat, and a re-run after a crash replaces
            // the same files' students rather than adding them twice.
            if (sheets.size() == BATCH) {
                warnings.addAll(writer.saveSubmissions(batch, sheets));
                saved += sheets.size();
                sheets.clear();
            }
        }
        warnings.addAll(writer.saveSubmissions(batch, sheets));
        // Sheets with no numbering the parser knows: the teacher's model may split them, copying text only.
        warnings.addAll(segmenter.segmentUnclear(job.getTaskId()));
        context.warn(warnings);
        context.progress(members.length, members.length,
                Message.of(MessageCode.UP_STUDENTS_SAVED, saved + sheets.size()));
    }

    static final int BATCH = 100;

    private static String document(String name, byte[] bytes, JobContext context) {
        try {
            DocumentReader.Text text = DocumentReader.read(name, bytes);
            if (text.guessed()) {
                context.warn(List.of(Message.of(MessageCode.UP_ENCODING, name, text.how())));
            }
            return text.text();
        } catch (UnreadableDocumentException e) {
            throw new JobFailure(e.text(), e);
        }
    }

    static Map<String, String> numbered(List<String> numbers) {
        Map<String, String> m = new LinkedHashMap<>();
        numbers.forEach(n -> m.put(n, "q" + n));
        return m;
    }
}
