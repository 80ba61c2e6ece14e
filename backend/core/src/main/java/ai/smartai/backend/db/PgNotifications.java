package ai.smartai.backend.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;
import org.postgresql.Driver;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * PostgreSQL LISTEN/NOTIFY: one connection of its own (outside the pool, which it would hold for ever) listens on a
 * channel and hands every payload to a consumer, on a daemon thread that reconnects when the database goes away.
 * Notifications sent while it is disconnected are lost, so a listener must not be the only way its readers learn of
 * a change.
 */
public final class PgNotifications implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PgNotifications.class);
    /** LISTEN takes an identifier, not a parameter: only plain names are accepted. */
    private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final int WAIT_MILLIS = 500;

    private final String url;
    private final Properties credentials;
    private final String channel;
    private final Consumer<String> deliver;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Connection connection;

    private PgNotifications(String url, String user, String password, String channel, Consumer<String> deliver) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("not a plain channel name: " + channel);
        }
        this.url = url;
        this.credentials = new Properties();
        credentials.setProperty("user", user);
        if (password != null) {
            credentials.setProperty("password", password);
        }
        this.channel = channel;
        this.deliver = deliver;
        this.thread = new Thread(this::run, "smartai-pg-listen-" + channel);
        thread.setDaemon(true);
    }

    /** Starts listening; returns once the first LISTEN is in place (or failed, then it retries in the background). */
    public static PgNotifications listen(String url, String user, String password, String channel,
            Consumer<String> deliver) {
        PgNotifications listener = new PgNotifications(url, user, password, channel, deliver);
        listener.connect();
        listener.thread.start();
        return listener;
    }

    /**
     * Sends a notification on {@code connection}. Inside a transaction PostgreSQL delivers it when that commits, and
     * not at all when it rolls back.
     */
    public static void send(Connection connection, String channel, String payload) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            s.setString(1, channel);
            s.setString(2, payload);
            s.execute();
        }
    }

    private void run() {
        long backoff = 250;
        while (!closed) {
            try {
                if (connection == null && !connect()) {
                    Thread.sleep(backoff);
                    backoff = Math.min(backoff * 2, 5_000);
                    continue;
                }
                backoff = 250;
                PGNotification[] received = connection.unwrap(PGConnection.class).getNotifications(WAIT_MILLIS);
                if (received != null) {
                    for (PGNotification n : received) {
                        deliver(n.getParameter());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException e) {
                if (!closed) {
                    LOG.warnf("Lost the LISTEN connection for %s (%s); reconnecting", channel, e.getMessage());
                }
                disconnect();
            }
        }
    }

    private void deliver(String payload) {
        try {
            deliver.accept(payload);
        } catch (RuntimeException e) {
            LOG.warnf(e, "A listener of %s failed", channel);
        }
    }

    private boolean connect() {
        try {
            Connection c = new Driver().connect(url, credentials);
            if (c == null) {
                throw new SQLException("not a PostgreSQL URL");
            }
            try (Statement s = c.createStatement()) {
                s.execute("LISTEN " + channel);
            }
            connection = c;
            return true;
        } catch (SQLException e) {
            LOG.warnf("Cannot LISTEN on %s yet (%s); trying again", channel, e.getMessage());
            return false;
        }
    }

    private void disconnect() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // Already gone.
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        disconnect();
    }
}
