package ai.smartai.backend.job;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import ai.smartai.backend.db.Db;
import ai.smartai.backend.db.PgNotifications;
import io.quarkus.runtime.StartupEvent;

/**
 * "This job changed", heard on every replica: what an event stream ({@code GET /api/jobs/{id}/events}) waits for
 * instead of polling. On PostgreSQL a change sends {@code NOTIFY smartai_job} in its own transaction, so every
 * replica's listener hears it once it commits (and never when it rolls back); the embedded database is one process,
 * so its listeners are called after the commit directly.
 */
@ApplicationScoped
public class JobEvents {

    static final String CHANNEL = "smartai_job";

    @Inject
    Db db;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private final Map<String, Set<Runnable>> listeners = new ConcurrentHashMap<>();
    private volatile PgNotifications pg;

    /** A listener of one job, until closed. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** Calls {@code onChange} after each committed change of the job; it must return quickly. */
    public Subscription subscribe(String jobId, Runnable onChange) {
        listeners.computeIfAbsent(jobId, id -> ConcurrentHashMap.newKeySet()).add(onChange);
        return () -> listeners.computeIfPresent(jobId, (id, set) -> {
            set.remove(onChange);
            return set.isEmpty() ? null : set;
        });
    }

    /** Called in the transaction that changes the job: its listeners, on every replica, hear of it once it commits. */
    void changed(String jobId) {
        if (db.isPostgres()) {
            db.notify(CHANNEL, jobId);
        } else if (transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            deliver(jobId);
        } else {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        deliver(jobId);
                    }
                }
            });
        }
    }

    void deliver(String jobId) {
        Set<Runnable> those = listeners.get(jobId);
        if (those != null) {
            those.forEach(Runnable::run);
        }
    }

    void onStart(@Observes StartupEvent event) {
        if (db.isPostgres()) {
            pg = db.listen(CHANNEL, this::deliver);
        }
    }

    @PreDestroy
    void stop() {
        if (pg != null) {
            pg.close();
        }
    }
}
