package ai.smartai.backend.ingest;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where uploaded files are kept, so a job interrupted by a restart, or taken over by another replica, reads its input
 * again. {@link UploadStores} picks one at start: {@link DatabaseUploadStore} when replicas share a PostgreSQL
 * database, {@link FileUploadStore} for the embedded server.
 */
public interface UploadStore {

    /**
     * Keeps a received file of the task under its content hash, in the caller's transaction where the store is the
     * database; returns the reference a job keeps ({@code Job.inputFile}) to read it again.
     */
    String store(String taskId, String sha256, Path received);

    /** The bytes of a stored upload; an {@link IOException} when it is gone. */
    byte[] read(String reference) throws IOException;

    /** Forgets every upload of a deleted task (after its deletion committed). */
    void deleteTask(String taskId);
}
