package ai.smartai.backend.testing;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.platform.launcher.LauncherDiscoveryListener;
import org.junit.platform.launcher.LauncherDiscoveryRequest;

/**
 * Lets one surefire fork at a time discover tests. Discovering a {@code @QuarkusTest} builds its application, and
 * Quarkus 3.33 then rewrites {@code target/test-classes/test-classes.idx} in place while the other fork may be reading
 * it: the reader fails with "Not a jandex index" (quarkusio/quarkus#54579, fixed upstream by #54580 after 3.34; CI met
 * it once). An OS lock on a file both forks open orders their discoveries; the tests still run side by side. Remove
 * this listener (and its service file) once the Quarkus version has the fix.
 */
public final class SerialDiscovery implements LauncherDiscoveryListener {

    private static final Path LOCK = Path.of("target", "test-discovery.lock");

    private FileChannel channel;
    private FileLock lock;

    @Override
    public synchronized void launcherDiscoveryStarted(LauncherDiscoveryRequest request) {
        if (lock != null) {
            return;
        }
        try {
            Files.createDirectories(LOCK.toAbsolutePath().getParent());
            channel = FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = channel.lock();
        } catch (IOException e) {
            // No lock, no order: discovery goes on as it would without this listener.
            release();
        }
    }

    @Override
    public synchronized void launcherDiscoveryFinished(LauncherDiscoveryRequest request) {
        release();
    }

    private void release() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // Closing the channel releases the lock with it.
        } finally {
            lock = null;
            channel = null;
        }
    }
}
