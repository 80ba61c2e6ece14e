package ai.smartai.backend.grading;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;

import ai.smartai.backend.job.FairExecutor;

/**
 * One pool of workers shared by all tasks, fair between them: workers take units round-robin across the tasks that
 * have some waiting, so a class of 500 does not hold up a class of 20 queued after it.
 */
@ApplicationScoped
@Typed(LocalUnitQueue.class)
public class LocalUnitQueue implements UnitQueue {

    @Inject
    GradingConfig config;

    private FairExecutor workers;

    public LocalUnitQueue() {
    }

    LocalUnitQueue(GradingConfig config) {
        this.config = config;
    }

    /** A job's units; its future completes when the last one has run or been released. */
    private static final class Batch {
        final AtomicInteger left;
        final CompletableFuture<Void> done = new CompletableFuture<>();

        Batch(int size) {
            left = new AtomicInteger(size);
        }

        void finished() {
            if (left.decrementAndGet() == 0) {
                done.complete(null);
            }
        }
    }

    private record Item(WorkUnit unit, Consumer<WorkUnit> work, Batch batch) implements Runnable {
        @Override
        public void run() {
            try {
                work.accept(unit);
            } finally {
                batch.finished();
            }
        }
    }

    @Override
    public CompletableFuture<Void> submit(String taskId, List<WorkUnit> units, Consumer<WorkUnit> work) {
        Batch batch = new Batch(units.size());
        if (units.isEmpty()) {
            batch.done.complete(null);
            return batch.done;
        }
        FairExecutor pool = pool();
        units.forEach(u -> pool.execute(taskId, new Item(u, work, batch)));
        return batch.done;
    }

    private synchronized FairExecutor pool() {
        if (workers == null) {
            workers = new FairExecutor("smartai-grader", config.workers());
        }
        return workers;
    }

    /** Units still waiting are released (not run) so every batch completes and no stop hangs on one. */
    @PreDestroy
    synchronized void stop() {
        if (workers != null) {
            workers.shutdownNow().forEach(r -> ((Item) r).batch().finished());
        }
    }
}
