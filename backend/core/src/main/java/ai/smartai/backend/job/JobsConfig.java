package ai.smartai.backend.job;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How replicas share jobs ({@code SMARTAI_JOBS_LEASE}, {@code SMARTAI_JOBS_HEARTBEAT}, {@code SMARTAI_JOBS_REPLICA_ID}).
 * A job whose owner died is taken over within {@code lease + heartbeat}.
 */
@ConfigMapping(prefix = "smartai.jobs")
public interface JobsConfig {

    /** How long a claim on a job lasts without renewal. */
    @WithDefault("25s")
    Duration lease();

    /** How often a replica renews its leases, reads pause and cancel requests, and looks for orphaned jobs. */
    @WithDefault("5s")
    Duration heartbeat();

    /** This replica's name in the job table; unset, one is made from the host name and a random suffix. */
    Optional<String> replicaId();
}
