package ai.smartai.backend.grading;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Where grading units wait for a worker. In-process it is {@link LocalUnitQueue}; with several backend replicas it is
 * {@link RabbitUnitQueue}, where a unit is graded by whichever replica takes it. Both rely on {@link WorkUnit#key()}
 * and upserts for at-least-once delivery.
 */
public interface UnitQueue {

    /**
     * Queues a job's units. In-process, {@code work} runs each one here and the future completes when every one has
     * been processed (or skipped after a stop). On a {@link #shared()} queue the future completes once the units are
     * safely queued; each replica grades what it takes with its {@link UnitWorker}, and {@code work} is not used.
     */
    CompletableFuture<Void> submit(String taskId, List<WorkUnit> units, Consumer<WorkUnit> work);

    /** Whether other replicas grade these units: the job's owner then learns from the database when they are done. */
    default boolean shared() {
        return false;
    }

    /** The task's job is over: a shared queue stops calling other replicas to its units. */
    default void finished(String taskId) {
    }
}
