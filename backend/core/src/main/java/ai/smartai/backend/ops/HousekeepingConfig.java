package ai.smartai.backend.ops;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The scheduled prune of tables that only grow: {@code SMARTAI_HOUSEKEEPING_EVERY} and so on. */
@ConfigMapping(prefix = "smartai.housekeeping")
public interface HousekeepingConfig {

    /** How often to prune (also read by the schedule itself). */
    @WithDefault("1h")
    Duration every();

    /** Cached grader results older than this go; regrading the same answer recomputes it. */
    @WithDefault("30d")
    Duration gradeCacheAge();

    /** Cached LLM replies older than this go; long, since asking a provider again costs the teacher tokens. */
    @WithDefault("90d")
    Duration llmCacheAge();
}
