package ai.smartai.backend.grading;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

/**
 * One pool of workers shared by all tasks, fair between them: workers take units round-robin across the tasks that
 * have some waiting, so a class of 500 does not hold up a class of 20 queued after it.
 */
@ApplicationScoped
public class LocalUnitQueue implements UnitQueue {

    private static final Logger LOG = Logger.getLogger(LocalUnitQueue.class);

    @Inject
    GradingConfig config;

    public LocalUnitQueue() {
    }

    LocalUnitQueue(GradingConfig config) {
        this.config = config;
    }

    private record Item(WorkUnit unit, Consumer<WorkUnit> work, Batch batch) {
    }

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

    private final Map<String, Deque<Item>> waiting = new HashMap<>();
    private final Deque<String> turn = new ArrayDeque<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean stopped;

    @Override
    public CompletableFuture<Void> submit(String taskId, List<WorkUnit> units, Consumer<WorkUnit> work) {
        Batch batch = new Batch(units.size());
        if (units.isEmpty()) {
            batch.done.complete(null);
            return batch.done;
        }
        synchronized (this) {
            startWorkers();
            Deque<Item> queue = waiting.computeIfAbsent(taskId, t -> new ArrayDeque<>());
            if (queue.isEmpty() && !turn.contains(taskId)) {
                turn.addLast(taskId);
            }
            units.forEach(u -> queue.addLast(new Item(u, work, batch)));
            notifyAll();
        }
        return batch.done;
    }

    private Item take() throws InterruptedException {
        synchronized (this) {
            while (turn.isEmpty()) {
                if (stopped) {
                    return null;
                }
                wait();
            }
            String taskId = turn.pollFirst();
            Deque<Item> queue = waiting.get(taskId);
            Item item = queue.pollFirst();
            if (queue.isEmpty()) {
                waiting.remove(taskId);
            } else {
                turn.addLast(taskId);
            }
            return item;
        }
    }

    private void startWorkers() {
        if (!workers.isEmpty()) {
            return;
        }
        for (int i = 0; i < Math.max(1, config.workers()); i++) {
            Thread t = new Thread(this::loop, "smartai-grader-" + i);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
    }

    private void loop() {
        while (!stopped) {
            Item item;
            try {
                item = take();
            } catch (InterruptedException e) {
                return;
            }
            if (item == null) {
                return;
            }
            try {
                item.work().accept(item.unit());
            } catch (RuntimeException e) {
                LOG.warnf(e, "Unit %s failed", item.unit().key());
            } finally {
                item.batch().finished();
            }
        }
    }

    /** Units still waiting are released (not run) so every batch completes and no stop hangs on one. */
    @PreDestroy
    synchronized void stop() {
        stopped = true;
        waiting.values().forEach(q -> q.forEach(item -> item.batch().finished()));
        waiting.clear();
        turn.clear();
        notifyAll();
    }
}
