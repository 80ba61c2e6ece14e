package ai.smartai.backend.grading;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Where grading units wait for a worker. The in-process implementation is {@link LocalUnitQueue}; a broker-backed one
 * (RabbitMQ, several backend replicas on one PostgreSQL) takes its place behind this interface, relying on
 * {@link WorkUnit#key()} and upserts for at-least-once delivery.
 */
public interface UnitQueue {

    /** Queues a job's units; the future completes when every one has been processed (or skipped after a stop). */
    CompletableFuture<Void> submit(String taskId, List<WorkUnit> units, Consumer<WorkUnit> work);
}
