package ai.smartai.backend.grading;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Grading settings; environment {@code SMARTAI_GRADING_WORKERS}. */
@ConfigMapping(prefix = "smartai.grading")
public interface GradingConfig {

    /** Answers graded at the same time, shared by all tasks. */
    @WithDefault("2")
    int workers();

    /** Answers whose LLM panel may be waiting on providers at once ({@code SMARTAI_GRADING_LLM_WORKERS}). */
    @WithDefault("16")
    int llmWorkers();
}
