package ai.smartai.backend.grading;

/**
 * One unit of grading work. {@link #key()} identifies it across retries: storing a unit is an upsert on
 * (student, problem) and its result is cached by input hash, so delivering a unit twice never duplicates a grade.
 */
public record WorkUnit(String jobId, String taskId, String studentUid, String studentId, String problemId) {

    public String key() {
        return taskId + "/" + studentUid + "/" + problemId;
    }
}
