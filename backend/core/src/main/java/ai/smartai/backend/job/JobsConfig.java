package ai.smartai.backend.job;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How replicas share jobs ({@code SMARTAI_JOBS_LEASE}, {@code SMARTAI_JOBS_HEARTBEAT}, {@code SMARTAI_JOBS_REPLICA_ID},
 * {@code SMARTAI_JOBS_STREAM_RECHECK}). A job whose owner died is taken over within {@code lease + heartbeat}.
 */
@ConfigMapping(prefix = "smartai.jobs")
public interface JobsConfig {

    /** How long a claim on a job lasts without renewal. */
    @WithDefault("25s")
    Duration lease();

    /** How often a replica renews its leases, reads pause and cancel requests, and looks for orphaned jobs. */
    @WithDefault("5s")
    Duration heartbeat();

    /**
     * How often an open event stream reads its job although no change was announced, and checks its session: the
     * safety net for a notification missed while the listener reconnected. Changes themselves arrive as job events.
     */
    @WithDefault("2s")
    Duration streamRecheck();

    /** This replica's name in the job table; unset, one is made from the host name and a random suffix. */
    Optional<String> replicaId();
}
