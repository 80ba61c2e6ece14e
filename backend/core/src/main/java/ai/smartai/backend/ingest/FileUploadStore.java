package ai.smartai.backend.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Uploaded files under {@code <data-dir>/uploads/<task>/}, named by content hash and readable by the server's user
 * only: the embedded server's store, on the one disk its one process reads.
 */
public class FileUploadStore implements UploadStore {

    private final Path dataDir;

    public FileUploadStore(Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath();
    }

    /** Moves a received file into the store; returns its path relative to the data directory. */
    @Override
    public String store(String taskId, String sha256, Path received) {
        try {
            Path dir = taskDir(taskId);
            Files.createDirectories(dir);
            restrict(dir, "rwx------");
            Path target = dir.resolve(sha256);
            if (!Files.exists(target)) {
                Path tmp = Files.createTempFile(dir, sha256, ".part");
                Files.copy(received, tmp, StandardCopyOption.REPLACE_EXISTING);
                restrict(tmp, "rw-------");
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            return dataDir.relativize(target.toAbsolutePath()).toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the upload under " + dataDir, e);
        }
    }

    @Override
    public byte[] read(String relative) throws IOException {
        return Files.readAllBytes(dataDir.resolve(relative).normalize());
    }

    @Override
    public void deleteTask(String taskId) {
        Path dir = taskDir(taskId);
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Leftover files are harmless and owner-only; the task itself is gone.
        }
    }

    private Path taskDir(String taskId) {
        return dataDir.resolve("uploads").resolve(taskId);
    }

    private static void restrict(Path p, String perms) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: the data directory's own permissions apply.
        }
    }
}
