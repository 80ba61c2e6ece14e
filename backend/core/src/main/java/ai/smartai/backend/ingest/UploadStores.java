package ai.smartai.backend.ingest;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import ai.smartai.backend.config.SmartaiConfig;
import ai.smartai.backend.config.SmartaiConfig.UploadPlace;
import ai.smartai.backend.db.Db;
import ai.smartai.backend.task.TaskDeleted;
import org.jboss.logging.Logger;

/**
 * Picks the {@link UploadStore} at start ({@code SMARTAI_UPLOADS}, else by the database), and tells it of deleted
 * tasks.
 */
@ApplicationScoped
public class UploadStores {

    private static final Logger LOG = Logger.getLogger(UploadStores.class);

    @Inject
    SmartaiConfig config;

    @Inject
    Db db;

    @Inject
    UploadStore store;

    @Produces
    @ApplicationScoped
    UploadStore store() {
        FileUploadStore files = new FileUploadStore(config.dataDir());
        if (place(config.uploads(), db.isPostgres()) == UploadPlace.FILES) {
            return files;
        }
        LOG.info("Uploads are kept in the database (every replica reads them)");
        return new DatabaseUploadStore(db.dataSource(), files, Clock.systemUTC());
    }

    /** Files only for a single process: replicas on PostgreSQL must not depend on one replica's disk. */
    static UploadPlace place(Optional<UploadPlace> configured, boolean postgres) {
        return configured.orElse(postgres ? UploadPlace.DB : UploadPlace.FILES);
    }

    void onTaskDeleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) TaskDeleted event) {
        store.deleteTask(event.taskId());
    }
}
