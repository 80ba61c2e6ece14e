package ai.smartai.backend.job;

import java.util.Set;
import java.util.concurrent.CompletionStage;

import ai.smartai.model.job.JobKind;

/** Does the work of one kind of job. It must be safe to run again after a crash: a second run repeats no damage. */
public interface JobHandler {

    Set<JobKind> kinds();

    /**
     * Does the job's work. The job ends when the returned stage completes: a handler that hands its work to other
     * threads (grading units) returns at once and does not hold a job thread meanwhile.
     */
    CompletionStage<Void> run(JobContext context);
}
