package ai.smartai.backend.llm;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.smartai.backend.config.SmartaiConfig;
import ai.smartai.backend.web.ApiException;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;

/**
 * Where provider calls a teacher waits for run: connection tests and mistake summaries. A request thread never waits
 * on a provider: it hands the call to a few threads with a short queue, shared by the whole server, and is answered
 * when the call ends or at its deadline, whichever comes first. A full bulkhead answers 503 with Retry-After at once,
 * and so does a call still queued when its deadline comes; a running call past its deadline is interrupted.
 */
@ApplicationScoped
public class LlmBulkhead {

    @Inject
    SmartaiConfig config;

    private ThreadPoolExecutor pool;
    private ScheduledThreadPoolExecutor timer;

    @PostConstruct
    void start() {
        int threads = Math.max(1, config.llm().interactiveThreads());
        int queue = Math.max(0, config.llm().interactiveQueue());
        BlockingQueue<Runnable> waiting = queue == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queue);
        pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, waiting, daemon("llm-interactive"),
                new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        timer = new ScheduledThreadPoolExecutor(1, daemon("llm-deadline"));
        timer.setRemoveOnCancelPolicy(true);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
        timer.shutdownNow();
    }

    /**
     * Runs {@code call} with a deadline {@code patience} from now. At the deadline a running call is interrupted and
     * {@code late} answers instead (a value, or an exception it throws).
     *
     * @throws ApiException 503 when the bulkhead is full
     */
    public <T> CompletionStage<T> submit(Duration patience, Function<Deadline, T> call, Supplier<T> late) {
        Deadline deadline = Deadline.after(patience);
        CompletableFuture<T> answer = new CompletableFuture<>();
        AtomicBoolean started = new AtomicBoolean();
        FutureTask<Void> task = new FutureTask<>(() -> {
            if (started.compareAndSet(false, true)) {
                try {
                    answer.complete(call.apply(deadline));
                } catch (RuntimeException e) {
                    answer.completeExceptionally(e);
                }
            }
            return null;
        });
        try {
            pool.execute(task);
        } catch (RejectedExecutionException e) {
            throw busy();
        }
        ScheduledFuture<?> timeout = timer.schedule(() -> {
            if (started.compareAndSet(false, true)) {
                // Never left the queue: the caller is told to come back rather than kept waiting.
                pool.remove(task);
                answer.completeExceptionally(busy());
                return;
            }
            boolean first;
            try {
                first = answer.complete(late.get());
            } catch (RuntimeException e) {
                first = answer.completeExceptionally(e);
            }
            if (first) {
                task.cancel(true);
            }
        }, patience.toNanos(), TimeUnit.NANOSECONDS);
        answer.whenComplete((v, e) -> timeout.cancel(false));
        return answer;
    }

    private ApiException busy() {
        long seconds = Math.max(1, (config.llm().timeout().toMillis() + 999) / 1000);
        return new ApiException(503, "providers_busy", Message.of(MessageCode.ERR_PROVIDERS_BUSY, seconds),
                Duration.ofSeconds(seconds));
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
