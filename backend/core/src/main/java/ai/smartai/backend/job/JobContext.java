package ai.smartai.backend.job;

import java.util.List;

import ai.smartai.model.common.Message;
import ai.smartai.model.job.JobStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** What a handler sees of its job: its input, progress reporting, and whether the server is stopping. */
public final class JobContext {

    private final JobService service;
    private final String jobId;
    private long lastProgress;
    private int written = -1;
    /** Units of the job that runs before this one finished. */
    private volatile int base;

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

    /**
     * Marks the job running with {@code remaining} units to do. A run that continues a job (after a pause, a takeover
     * or a restart) counts the whole job: the units earlier runs finished stay done, out of the job's first total.
     */
    public void start(int remaining) {
        QuarkusTransaction.requiringNew().run(() -> {
            Job job = service.jobs.find(jobId).orElseThrow();
            base = job.getStartedAt() != null && job.getTotal() >= remaining ? job.getTotal() - remaining : 0;
            service.jobs.transition(jobId, List.of(JobStatus.QUEUED, JobStatus.RUNNING), JobStatus.RUNNING,
                    service.clock.instant());
            service.jobs.progress(jobId, base, base + remaining, null);
        });
    }

    /**
     * Progress of this run, {@code done} out of its {@code total}; stored at most every 200 ms, always for the last
     * unit, and never lower than what was stored.
     */
    public void progress(int done, int total) {
        progress(done, total, (Message) null);
    }

    /** Progress at a unit of its own name (a file, a student). */
    public void progress(int done, int total, String current) {
        progress(done, total, current == null ? null : Message.text(current));
    }

    /** Progress with a line the server wrote, shown in the reader's language. */
    public synchronized void progress(int done, int total, Message current) {
        long now = System.nanoTime();
        if (done < written || (done < total && now - lastProgress < 200_000_000L)) {
            return;
        }
        lastProgress = now;
        written = done;
        int from = base;
        String stored = Job.stored(current);
        QuarkusTransaction.requiringNew().run(() -> service.jobs.progress(jobId, from + done, from + total, stored));
    }

    public void warn(List<Message> warnings) {
        service.warn(jobId, warnings);
    }

    /** True at a unit boundary when the job was paused or cancelled, or the server is stopping. */
    public boolean stopping() {
        return service.shouldStop(jobId);
    }

    /**
     * Whether this replica gives the job up unfinished (the server is stopping, or another replica took the job over):
     * the handler must not mark it done; whoever continues it does the rest.
     */
    public boolean serverStopping() {
        return service.handsOver(jobId);
    }
}
