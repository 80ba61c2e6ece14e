package ai.smartai.backend.config;

import io.quarkus.runtime.configuration.MemorySize;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Backend settings. Each one can be set by environment variable, e.g. {@code SMARTAI_DATA_DIR},
 * {@code SMARTAI_AUTH_TOKEN_TTL}, {@code SMARTAI_AUTH_REGISTRATION_OPEN}.
 */
@ConfigMapping(prefix = "smartai")
public interface SmartaiConfig {

    /** Where the embedded database, the master key and uploads live. */
    @WithDefault("./data")
    Path dataDir();

    Auth auth();

    Database db();

    /**
     * {@code SMARTAI_MASTER_KEY}: base64 of 32 random bytes that encrypt provider keys. Unset in embedded mode, one
     * is generated into the data directory with owner-only permissions.
     */
    Optional<String> masterKey();

    /** {@code SMARTAI_MASTER_KEY_FILE}: a file (mode 600) holding the master key; read by {@link SecretFiles}. */
    Optional<Path> masterKeyFile();

    /**
     * {@code SMARTAI_UPLOADS}: where uploaded files are kept, {@code db} or {@code files}. Unset: in the database when
     * it is PostgreSQL (which every replica reads), else as files under {@link #dataDir()}.
     */
    Optional<UploadPlace> uploads();

    /** Where uploaded files are kept. */
    enum UploadPlace {
        DB, FILES
    }

    /** The largest upload ({@code SMARTAI_UPLOAD_LIMIT}); larger ones get a 413 naming both sizes. */
    @WithDefault("50M")
    MemorySize uploadLimit();

    Llm llm();

    /** How long running requests and jobs get to reach a safe point on SIGTERM. */
    @WithDefault("30s")
    String shutdownTimeout();

    /**
     * The database. With no {@code url} (or a non-PostgreSQL one) the embedded H2 under {@link #dataDir()} is used.
     */
    interface Database {
        /** {@code SMARTAI_DB_URL}, e.g. {@code jdbc:postgresql://db:5432/smartai}. */
        Optional<String> url();

        @WithDefault("smartai")
        String user();

        /** {@code SMARTAI_DB_PASSWORD}: only ever from the environment or a secret file, never a default. */
        Optional<String> password();

        /** {@code SMARTAI_DB_PASSWORD_FILE}: a file (mode 600) holding the password; read by {@link SecretFiles}. */
        Optional<Path> passwordFile();

        @WithDefault("16")
        int poolSize();

        /** Computed at startup by DatabaseSelection: "h2" or "postgresql". Not meant to be set. */
        @WithDefault("h2")
        String kind();
    }

    /** How the LLM panel talks to providers. */
    interface Llm {
        /** One request's time limit: a provider slower than this is a timeout, retried like other transient errors. */
        @WithDefault("60s")
        Duration timeout();

        /** Retries of transient errors (timeouts, 5xx, 429) with exponential backoff. */
        @WithDefault("3")
        int maxRetries();

        /** The first backoff; it doubles per retry. A 429's Retry-After wins when it says longer. */
        @WithDefault("500ms")
        Duration backoff();

        /** A Retry-After longer than this is not waited for: the call fails and the panel goes on without it. */
        @WithDefault("60s")
        Duration maxRetryAfter();

        /**
         * The longest one grading call may wait for its provider's concurrency or per-minute budget and for its
         * retries ({@code SMARTAI_LLM_MAX_WAIT}); past it the expert drops out and the answer goes on without it.
         */
        @WithDefault("5m")
        Duration maxWait();

        /**
         * {@code SMARTAI_LLM_ALLOW_PRIVATE_NETWORKS}: {@code true} lets any teacher point a provider at this machine,
         * a private network or a cloud metadata address. Off by default; allow single hosts with
         * {@link #allowedHosts()} instead.
         */
        @WithDefault("false")
        boolean allowPrivateNetworks();

        /**
         * {@code SMARTAI_LLM_ALLOWED_HOSTS}: hosts a provider may use although they are private, comma-separated:
         * {@code host} or {@code host:port} as written in the base URL (e.g. {@code ollama.lan:11434},
         * {@code 127.0.0.1}), or CIDR ranges of resolved addresses (e.g. {@code 10.8.0.0/24}).
         */
        Optional<List<String>> allowedHosts();

        /** Provider connection tests one teacher may run per minute ({@code SMARTAI_LLM_TESTS_PER_MINUTE}). */
        @WithDefault("10")
        int testsPerMinute();

        /**
         * Calls a teacher waits for (provider tests, mistake summaries) that run at once on the whole server
         * ({@code SMARTAI_LLM_INTERACTIVE_THREADS}); {@link #interactiveQueue()} more may wait, and past that the
         * server answers 503 at once.
         */
        @WithDefault("8")
        int interactiveThreads();

        @WithDefault("16")
        int interactiveQueue();

        /** Threads that wait on providers for grading panels, all tasks at once ({@code SMARTAI_LLM_PANEL_THREADS}). */
        @WithDefault("64")
        int panelThreads();

        /**
         * Grading calls in a row a provider may fail before it is paused ({@code SMARTAI_LLM_BREAKER_FAILURES});
         * a failed connection test pauses it at once. The teacher enables it again on the settings page.
         */
        @WithDefault("5")
        int breakerFailures();
    }

    interface Auth {
        /** How long a bearer token from {@code POST /api/auth/login} stays valid. */
        @WithDefault("PT12H")
        Duration tokenTtl();

        /** Whether anyone may register after the first (admin) account exists. */
        @WithDefault("false")
        boolean registrationOpen();

        /** Failed logins of one account name within {@link #lockout()} before it is refused for a while. */
        @WithDefault("5")
        int maxFailures();

        /** Failed logins from one client address within {@link #lockout()}. */
        @WithDefault("50")
        int maxFailuresPerAddress();

        @WithDefault("15m")
        Duration lockout();

        /**
         * Peers whose {@code X-Forwarded-For} names the client (the frontend in split mode, a reverse proxy);
         * exact addresses or CIDR ranges; by default only this machine, which is how the launcher's pages reach
         * the API.
         */
        @WithDefault("127.0.0.1,0:0:0:0:0:0:0:1")
        List<String> trustedProxies();
    }
}
