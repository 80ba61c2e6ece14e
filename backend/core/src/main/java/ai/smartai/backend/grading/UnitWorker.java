package ai.smartai.backend.grading;

/** What a replica does with a unit it took from a shared queue, whichever replica owns the unit's job. */
public interface UnitWorker {

    /**
     * Grades and stores the unit, or does nothing when there is nothing to do: its job is paused, cancelled or over,
     * or its grade is already stored for this input (a redelivery). Throws when it failed; the unit is then retried.
     */
    void grade(WorkUnit unit);

    /** Records why grading the unit failed; returns how many times it has been tried for its current input. */
    int failed(WorkUnit unit, Throwable error);

    /** Stores a unit that failed {@link UnitAttempt#QUARANTINE_AFTER} times as a grade with no score, for review. */
    void setAside(WorkUnit unit);
}
