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

        @WithDefault("16")
        int poolSize();

        /** Computed at startup by DatabaseSelection: "h2" or "postgresql". Not meant to be set. */
        @WithDefault("h2")
        String kind();
    }

    interface Auth {
        /** How long a bearer token from {@code POST /api/auth/login} stays valid. */
        @WithDefault("PT12H")
        Duration tokenTtl();

        /** Whether anyone may register after the first (admin) account exists. */
        @WithDefault("false")
        boolean registrationOpen();
    }
}
