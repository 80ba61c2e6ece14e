package ai.smartai.backend.job;

import java.util.Set;

import ai.smartai.model.job.JobKind;

/** Does the work of one kind of job. It must be safe to run again after a crash: a second run repeats no damage. */
public interface JobHandler {

    Set<JobKind> kinds();

    void run(JobContext context);
}
