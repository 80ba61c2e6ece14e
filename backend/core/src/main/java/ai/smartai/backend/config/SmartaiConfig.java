package ai.smartai.backend.config;

import java.nio.file.Path;
import java.time.Duration;
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

    /** The largest upload ({@code SMARTAI_UPLOAD_LIMIT}); larger ones get a 413 naming both sizes. */
    @WithDefault("50M")
    io.quarkus.runtime.configuration.MemorySize uploadLimit();

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
         * Whether a provider's base URL may point at this machine or a private network (local Ollama or vLLM).
         * Set {@code SMARTAI_LLM_ALLOW_PRIVATE_NETWORKS=false} when teachers you do not trust share the server.
         */
        @WithDefault("true")
        boolean allowPrivateNetworks();
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
        java.util.List<String> trustedProxies();
    }
}
