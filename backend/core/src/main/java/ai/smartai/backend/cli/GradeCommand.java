package ai.smartai.backend.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.smartai.backend.account.Account;
import ai.smartai.backend.account.AccountRepository;
import ai.smartai.backend.account.CurrentUser;
import ai.smartai.backend.analytics.AnalyticsService;
import ai.smartai.backend.db.Ids;
import ai.smartai.backend.gradebook.GradebookService;
import ai.smartai.backend.grading.GradingRunService;
import ai.smartai.backend.ingest.IngestService;
import ai.smartai.backend.job.JobService;
import ai.smartai.backend.student.SheetFlag;
import ai.smartai.backend.student.StudentService;
import ai.smartai.backend.task.TaskService;
import ai.smartai.backend.web.ApiException;
import ai.smartai.model.account.Role;
import ai.smartai.model.analytics.Analytics;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.Scores;
import ai.smartai.model.grade.GradeView;
import ai.smartai.model.grade.GradingRequest;
import ai.smartai.model.job.JobKind;
import ai.smartai.model.job.JobStatus;
import ai.smartai.model.job.JobView;
import ai.smartai.model.student.StudentView;
import ai.smartai.model.task.TaskCreate;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * {@code smartai grade --problems hw.md [--key key.md] --submissions students.zip [--out results/]}: ingest and
 * offline grading in this process, with no server and no account; writes grades.csv and grades.json.
 */
@ApplicationScoped
public class GradeCommand {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    static final String USAGE_TEXT = """
            usage: smartai grade --problems FILE [--key FILE] --submissions FILE [--out DIR]
              --problems     the problem set (.md .txt .pdf .docx)
              --key          the answer key, with rubrics and test cases (optional)
              --submissions  an archive of the students' answers (.zip .rar .7z .tar .tar.gz), or one file
              --out          where grades.csv and grades.json go (default: results)""";

    @Inject
    AccountRepository accounts;

    @Inject
    TaskService tasks;

    @Inject
    IngestService ingest;

    @Inject
    JobService jobs;

    @Inject
    GradingRunService grading;

    @Inject
    StudentService students;

    @Inject
    GradebookService gradebook;

    @Inject
    AnalyticsService analytics;

    /** The files of one run, resolved against the caller's directory; {@code key} may be null. */
    public record Invocation(Path problems, Path key, Path submissions, Path outDir) {
    }

    /**
     * Reads the arguments and checks that the files exist: the run, or null once {@code err} says what is wrong (exit
     * with {@link #USAGE}). Static, so that the launcher answers a mistyped command before it starts a server.
     */
    public static Invocation read(List<String> args, Path cwd, PrintStream err) {
        Map<String, String> options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("smartai grade: " + e.getMessage());
            err.println(USAGE_TEXT);
            return null;
        }
        Path problems = cwd.resolve(options.get("--problems"));
        Path key = options.containsKey("--key") ? cwd.resolve(options.get("--key")) : null;
        Path submissions = cwd.resolve(options.get("--submissions"));
        Path outDir = cwd.resolve(options.getOrDefault("--out", "results"));
        for (Path p : key == null ? List.of(problems, submissions) : List.of(problems, key, submissions)) {
            if (!Files.isRegularFile(p)) {
                err.println("smartai grade: " + p + ": no such file");
                return null;
            }
        }
        return new Invocation(problems, key, submissions, outDir);
    }

    /** Runs the command; {@code cwd} resolves relative paths (the directory the user typed the command in). */
    public int run(List<String> args, Path cwd, PrintStream out, PrintStream err) {
        Invocation run = read(args, cwd, err);
        if (run == null) {
            return USAGE;
        }
        Path problems = run.problems();
        Path key = run.key();
        Path submissions = run.submissions();
        Path outDir = run.outDir();
        try {
            CurrentUser user = localUser();
            String task = tasks.create(user, new TaskCreate(problems.getFileName().toString())).id();
            Progress progress = new Progress(err);
            List<String> documentWarnings = new ArrayList<>();
            documentWarnings.addAll(await(upload(user, task, JobKind.PROBLEMS, problems), "reading "
                    + problems.getFileName(), progress).warnings());
            List<String> keyWarnings = new ArrayList<>();
            if (key != null) {
                keyWarnings.addAll(await(upload(user, task, JobKind.ANSWER_KEY, key), "reading " + key.getFileName(),
                        progress).warnings());
            }
            documentWarnings.addAll(await(upload(user, task, JobKind.SUBMISSIONS, submissions), "reading "
                    + submissions.getFileName(), progress).warnings());
            JobView graded = await(grading.start(user, task, new GradingRequest(null, null)).jobId(), "grading",
                    progress);
            Files.createDirectories(outDir);
            Files.write(outDir.resolve("grades.csv"), gradebook.csv(user, task));
            List<GradeView> grades = gradebook.list(user, task);
            ObjectMapper json = new ObjectMapper().findAndRegisterModules()
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);
            List<SheetNotes> sheets = students.list(user, task).stream().filter(SheetNotes::worthShowing)
                    .map(SheetNotes::of).toList();
            json.writeValue(outDir.resolve("grades.json").toFile(), new Results(grades, sheets, keyWarnings,
                    documentWarnings));
            Analytics a = analytics.analytics(user, task);
            long review = grades.stream().filter(GradeView::needsReview).count();
            out.printf("students: %d%nproblems: %d%nmean: %s of %s%nneeds review: %d grade(s)%n", a.students(),
                    a.perProblem().size(), Scores.format(a.mean()), Scores.format(a.maxTotal()), review);
            // What the server shows a teacher beside the grades: whose identity is in doubt, text placed nowhere,
            // and what the key could not say.
            for (SheetNotes sheet : sheets) {
                sheet.conflicts().forEach(c -> out.printf("identity: %s: %s%n", sheet.file(), c));
                if (!sheet.unmatchedText().isEmpty()) {
                    out.printf("unmatched text: %s (%s): %d characters placed under no problem%n", sheet.file(),
                            sheet.id(), sheet.unmatchedText().length());
                }
            }
            keyWarnings.forEach(w -> out.println("key: " + w));
            if (!graded.warnings().isEmpty()) {
                out.printf("warnings: %d (see grades.json for the evidence)%n", graded.warnings().size());
            }
            out.println("wrote " + outDir.resolve("grades.csv") + " and " + outDir.resolve("grades.json"));
            return OK;
        } catch (ApiException | JobFailed e) {
            err.println("smartai grade: " + e.getMessage());
            return FAILED;
        } catch (IOException e) {
            err.println("smartai grade: cannot write " + outDir + ": " + e.getMessage());
            return FAILED;
        }
    }

    private String upload(CurrentUser user, String task, JobKind kind, Path file) {
        return ingest.accept(user, task, kind, file.getFileName().toString(), file).body().jobId();
    }

    private JobView await(String jobId, String what, Progress progress) {
        CurrentUser user = localUser();
        while (true) {
            JobView job = jobs.view(user, jobId);
            progress.show(what, job);
            if (job.status() == JobStatus.SUCCEEDED) {
                progress.done();
                return job;
            }
            if (job.status() == JobStatus.FAILED || job.status() == JobStatus.CANCELLED) {
                progress.done();
                throw new JobFailed(what + " failed: " + job.error());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new JobFailed("interrupted");
            }
        }
    }

    /** The command line's own account, in its own throwaway database: no login. */
    private CurrentUser localUser() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Account a = accounts.findByUsername("command-line").orElseGet(() -> {
                Account created = new Account(Ids.newId(), "command-line", "command line", "!", Role.ADMIN,
                        Instant.now());
                accounts.persist(created);
                return created;
            });
            return new CurrentUser(a.getId(), a.getUsername(), a.getRole());
        });
    }

    static Map<String, String> parse(List<String> args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!List.of("--problems", "--key", "--submissions", "--out").contains(a)) {
                throw new IllegalArgumentException("unknown option " + a);
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(a + " needs a value");
            }
            options.put(a, args.get(++i));
        }
        for (String required : List.of("--problems", "--submissions")) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException(required + " is required");
            }
        }
        return options;
    }

    static final class JobFailed extends RuntimeException {
        JobFailed(String message) {
            super(message);
        }
    }

    /** A progress bar on a terminal; one line per phase otherwise. */
    static final class Progress {
        private final PrintStream err;
        private final boolean terminal = System.console() != null;
        private String phase;

        Progress(PrintStream err) {
            this.err = err;
        }

        void show(String what, JobView job) {
            if (!what.equals(phase)) {
                if (phase != null && terminal) {
                    err.println();
                }
                phase = what;
                if (!terminal) {
                    err.println(what + "…");
                }
            }
            if (terminal) {
                int width = 30;
                int filled = job.total() == 0 ? 0 : Math.min(width, width * job.done() / job.total());
                String current = job.current() == null ? "" : job.current();
                err.printf("\r%-24s [%s%s] %d/%d %-40.40s", what, "#".repeat(filled), "-".repeat(width - filled),
                        job.done(), job.total(), current);
            }
        }

        void done() {
            if (terminal) {
                err.println();
            }
            phase = null;
        }
    }

    /** grades.json: every grade with its evidence, and what the documents left in doubt. */
    record Results(List<GradeView> grades, List<SheetNotes> sheets, List<String> keyWarnings,
            List<String> documentWarnings) {
    }

    /** A sheet with an identity conflict or text that matched no problem. */
    record SheetNotes(String file, String id, String name, List<String> conflicts, List<String> flags,
            String unmatchedText) {

        /** The flags that doubt whose sheet it is. */
        private static final Set<SheetFlag.Kind> IDENTITY_DOUBTS = Set.of(SheetFlag.Kind.IDENTITY_CONFLICT,
                SheetFlag.Kind.DUPLICATE_ID, SheetFlag.Kind.UNIDENTIFIED);

        static boolean worthShowing(StudentView s) {
            return !s.flags().isEmpty() || !s.unmatchedText().isBlank();
        }

        static SheetNotes of(StudentView s) {
            List<Message> codes = s.flagTexts();
            List<String> conflicts = IntStream.range(0, codes.size())
                    .filter(i -> IDENTITY_DOUBTS.contains(SheetFlag.Kind.of(codes.get(i)))).mapToObj(s.flags()::get)
                    .toList();
            return new SheetNotes(s.sourceFile(), s.id(), s.name(), conflicts, s.flags(), s.unmatchedText().strip());
        }
    }
}
