package ai.smartai.backend.job;

import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** What a handler sees of its job: its input, progress reporting, and whether the server is stopping. */
public final class JobContext {

    private final JobService service;
    private final String jobId;
    private long lastProgress;

    JobContext(JobService service, String jobId) {
        this.service = service;
        this.jobId = jobId;
    }

    public String jobId() {
        return jobId;
    }

    /** A detached copy of the job as stored. */
    public Job job() {
        return QuarkusTransaction.requiringNew().call(() -> service.jobs.find(jobId).orElseThrow());
    }

    public void start(int total) {
        start(0, total);
    }

    /** Starts (or resumes) with {@code done} of {@code total} already behind it. */
    public void start(int done, int total) {
        QuarkusTransaction.requiringNew().run(() -> {
            service.jobs.transition(jobId, List.of(ai.smartai.model.job.JobStatus.QUEUED,
                    ai.smartai.model.job.JobStatus.RUNNING), ai.smartai.model.job.JobStatus.RUNNING,
                    service.clock.instant());
            service.jobs.progress(jobId, done, total, null);
        });
    }

    private int written = -1;

    /** Stored at most every 200 ms, always for the last unit, and never lower than what was stored. */
    public synchronized void progress(int done, int total, String current) {
        long now = System.nanoTime();
        if (done < written || (done < total && now - lastProgress < 200_000_000L)) {
            return;
        }
        lastProgress = now;
        written = done;
        QuarkusTransaction.requiringNew().run(() -> service.jobs.progress(jobId, done, total, current));
    }

    public void warn(List<String> warnings) {
        if (!warnings.isEmpty()) {
            service.update(jobId, j -> j.warn(warnings));
        }
    }

    /** True at a unit boundary when the job was paused or cancelled, or the server is stopping. */
    public boolean stopping() {
        return service.shouldStop(jobId);
    }

    /** Whether the server itself is stopping (the job must resume at the next start). */
    public boolean serverStopping() {
        return service.isStopping();
    }
}
