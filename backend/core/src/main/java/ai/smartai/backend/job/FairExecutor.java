package ai.smartai.backend.job;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;

/**
 * A fixed set of worker threads that take work round-robin across keys (a task, a teacher), so one key's long queue
 * never holds up another key's first item. A worker survives whatever a task throws, and one that ends anyway is
 * replaced.
 */
public final class FairExecutor {

    private static final Logger LOG = Logger.getLogger(FairExecutor.class);

    private final String name;
    private final int threads;
    private final int perKey;
    private final Map<String, Deque<Runnable>> waiting = new HashMap<>();
    private final Map<String, Integer> running = new HashMap<>();
    private final Deque<String> turn = new ArrayDeque<>();
    private final List<Thread> workers = new ArrayList<>();
    private int busy;
    private boolean stopped;

    /** Any key may use every thread. */
    public FairExecutor(String name, int threads) {
        this(name, threads, threads);
    }

    /**
     * At most {@code perKey} items of one key at once: with fewer than {@code threads}, one key can never occupy every
     * worker, so another key's first item starts at once.
     */
    public FairExecutor(String name, int threads, int perKey) {
        this.name = name;
        this.threads = Math.max(1, threads);
        this.perKey = Math.max(1, perKey);
    }

    public synchronized void execute(String key, Runnable task) {
        if (stopped) {
            throw new IllegalStateException(name + " is stopped");
        }
        if (workers.isEmpty()) {
            for (int i = 0; i < threads; i++) {
                workers.add(start(name + "-" + i));
            }
        }
        Deque<Runnable> queue = waiting.computeIfAbsent(key, k -> new ArrayDeque<>());
        if (queue.isEmpty() && !turn.contains(key)) {
            turn.addLast(key);
        }
        queue.addLast(task);
        notifyAll();
    }

    /** Items waiting, across keys. */
    public synchronized int waiting() {
        return waiting.values().stream().mapToInt(Deque::size).sum();
    }

    /** Items being worked on now. */
    public synchronized int busy() {
        return busy;
    }

    /** Stops taking work; returns what was waiting, not run, so the caller can release whoever waits on it. */
    public synchronized List<Runnable> shutdownNow() {
        stopped = true;
        List<Runnable> left = new ArrayList<>();
        waiting.values().forEach(left::addAll);
        waiting.clear();
        turn.clear();
        notifyAll();
        return left;
    }

    private record Taken(String key, Runnable task) {
    }

    private synchronized Taken take() throws InterruptedException {
        while (true) {
            if (stopped) {
                return null;
            }
            String key = turn.stream().filter(k -> running.getOrDefault(k, 0) < perKey).findFirst().orElse(null);
            if (key != null) {
                turn.remove(key);
                Deque<Runnable> queue = waiting.get(key);
                Runnable task = queue.pollFirst();
                if (queue.isEmpty()) {
                    waiting.remove(key);
                } else {
                    turn.addLast(key);
                }
                running.merge(key, 1, Integer::sum);
                busy++;
                return new Taken(key, task);
            }
            wait();
        }
    }

    private Thread start(String threadName) {
        Thread t = new Thread(this::loop, threadName);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void loop() {
        try {
            while (true) {
                Taken taken;
                try {
                    taken = take();
                } catch (InterruptedException e) {
                    return;
                }
                if (taken == null) {
                    return;
                }
                try {
                    taken.task().run();
                } catch (Throwable e) {
                    // One item's failure, a stack overflow included, must not take its worker with it.
                    LOG.warnf(e, "%s: a task failed", name);
                } finally {
                    synchronized (this) {
                        busy--;
                        running.merge(taken.key(), -1, (a, b) -> a + b == 0 ? null : a + b);
                        notifyAll();
                    }
                }
            }
        } finally {
            replace(Thread.currentThread());
        }
    }

    private synchronized void replace(Thread dead) {
        int at = workers.indexOf(dead);
        if (stopped || at < 0) {
            return;
        }
        LOG.warnf("%s: worker %s ended unexpectedly; starting a new one", name, dead.getName());
        workers.set(at, start(dead.getName()));
    }
}
