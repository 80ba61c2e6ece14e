package ai.smartai.backend.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

    @TempDir
    Path dataDir;

    /**
     * The ProviderBulkheadTest outage: a provider test cut at its deadline interrupted its thread during a write, H2
     * closed its file channel, and every later statement of the server failed with an IO exception.
     */
    @Test
    void aThreadInterruptedWhileWritingLeavesTheDatabaseUsable() throws Exception {
        String url = DatabaseSelection.h2Url(dataDir);
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("create table t(x int)");
            AtomicReference<Exception> writerFailure = new AtomicReference<>();
            AtomicBoolean enough = new AtomicBoolean();
            Thread writer = new Thread(() -> {
                try (Connection w = DriverManager.getConnection(url, "sa", ""); Statement ws = w.createStatement()) {
                    for (int i = 0; !enough.get(); i++) {
                        ws.execute("insert into t values(" + i + ")");
                    }
                } catch (SQLException e) {
                    writerFailure.set(e);
                }
            });
            writer.start();
            Thread.sleep(200);
            writer.interrupt();
            // It goes on writing with its interrupt flag set (nothing here clears it) until told it has written enough.
            Thread.sleep(300);
            enough.set(true);
            writer.join();

            s.execute("insert into t values(-1)");
            try (ResultSet r = s.executeQuery("select count(*) from t where x = -1")) {
                r.next();
                assertThat(r.getInt(1)).isEqualTo(1);
            }
        }
    }
}
