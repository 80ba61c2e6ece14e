package ai.smartai.backend.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ai.smartai.backend.access.TaskAccess;
import ai.smartai.backend.account.CurrentUser;
import ai.smartai.backend.db.Hashes;
import ai.smartai.backend.ingest.archive.ArchiveReader;
import ai.smartai.backend.job.Job;
import ai.smartai.backend.job.JobRepository;
import ai.smartai.backend.job.JobService;
import ai.smartai.backend.metrics.OpsMetrics;
import ai.smartai.backend.problem.ProblemRepository;
import ai.smartai.backend.web.ApiException;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import ai.smartai.model.job.JobAccepted;
import ai.smartai.model.job.JobKind;
import ai.smartai.model.job.JobStatus;
import ai.smartai.model.job.JobView;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Accepts uploads: checks them, stores them by content hash, and starts the job that parses them. */
@ApplicationScoped
public class IngestService {

    static final Set<String> DOCUMENTS = Set.of("txt", "md", "markdown", "pdf", "docx", "tex");
    /** Reports shown at once on a task page; older ones wait until these are dismissed. */
    static final int MAX_REPORTS = 5;
    static final Set<String> ARCHIVES = Set.of("zip", "rar", "7z", "tar", "gz", "tgz", "bz2", "xz");

    @Inject
    TaskAccess access;

    @Inject
    ProblemRepository problems;

    @Inject
    UploadRepository uploads;

    @Inject
    UploadStore store;

    @Inject
    JobService jobs;

    @Inject
    JobRepository jobRepository;

    Clock clock = Clock.systemUTC();

    /** The outcome: the job, and whether the same bytes were already there (no new work). */
    public record Accepted(JobAccepted body, boolean unchanged) {
    }

    /** The task's last upload reports the teacher has not dismissed: failures and warnings, newest first. */
    @Transactional
    public List<JobView> reports(CurrentUser user, String taskId) {
        access.require(user, taskId);
        return jobRepository.reports(taskId, MAX_REPORTS).stream().map(JobService::view).toList();
    }

    /** The teacher has read an upload's report; the task page stops showing it. */
    @Transactional
    public void dismiss(CurrentUser user, String taskId, String jobId) {
        access.require(user, taskId);
        Job job = jobRepository.find(jobId).filter(j -> j.getTaskId().equals(taskId))
                .orElseThrow(() -> ApiException.notFound(MessageCode.THING_JOB, jobId));
        job.dismiss(clock.instant());
    }

    public Accepted accept(CurrentUser user, String taskId, JobKind kind, String fileName, Path file) {
        Path given = fileName == null || fileName.isBlank() ? null : Path.of(fileName).getFileName();
        String name = given == null ? "upload" : given.toString(); // "/" has no file name
        checkType(kind, name, file);
        String sha = sha256(file);
        long size = size(file);
        OpsMetrics.ingested(kind.name(), size);
        Accepted result = QuarkusTransaction.requiringNew().call(() -> {
            access.require(user, taskId);
            if (kind != JobKind.PROBLEMS && problems.count(taskId) == 0) {
                throw ApiException.conflict("problems_missing", Message.of(MessageCode.ERR_PROBLEMS_MISSING, name));
            }
            var previous = uploads.find(taskId, kind, sha);
            if (previous.isPresent()) {
                Job job = jobRepository.find(previous.get().getJobId()).orElse(null);
                boolean usable = job != null && job.getStatus() != JobStatus.FAILED
                        && job.getStatus() != JobStatus.CANCELLED;
                if (usable) {
                    return new Accepted(new JobAccepted(job.getId(), true), true);
                }
            }
            String stored = store.store(taskId, sha, file);
            Job job = jobs.create(taskId, user, kind, j -> j.setInput(stored, name));
            if (previous.isPresent()) {
                previous.get().setJobId(job.getId());
            } else {
                uploads.persist(new Upload(taskId, kind, sha, name, size, job.getId(), clock.instant()));
            }
            return new Accepted(new JobAccepted(job.getId(), null), false);
        });
        if (!result.unchanged()) {
            jobs.submit(result.body().jobId());
        }
        return result;
    }

    /** Refuses what cannot be homework before storing anything, naming the file. */
    static void checkType(JobKind kind, String name, Path file) {
        String ext = extension(name);
        long size = size(file);
        if (size == 0) {
            throw ApiException.badRequest("empty_file", Message.of(MessageCode.ERR_EMPTY_FILE, name));
        }
        boolean archive = ARCHIVES.contains(ext) || isArchive(name, file);
        if (kind == JobKind.SUBMISSIONS) {
            if (!archive && !DOCUMENTS.contains(ext)) {
                throw new ApiException(415, "unsupported_file_type",
                        Message.of(MessageCode.ERR_SUBMISSIONS_TYPE, name));
            }
        } else if (!DOCUMENTS.contains(ext)) {
            throw new ApiException(415, "unsupported_file_type", Message.of(kind == JobKind.PROBLEMS
                    ? MessageCode.ERR_PROBLEMS_TYPE : MessageCode.ERR_KEY_TYPE, name));
        }
    }

    private static boolean isArchive(String name, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return ArchiveReader.isArchive(name, in.readNBytes(512));
        } catch (IOException e) {
            return false;
        }
    }

    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), Hashes.digest())) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
