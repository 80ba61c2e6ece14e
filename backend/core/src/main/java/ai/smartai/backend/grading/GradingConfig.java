package ai.smartai.backend.grading;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Grading settings; environment {@code SMARTAI_GRADING_WORKERS} and so on. */
@ConfigMapping(prefix = "smartai.grading")
public interface GradingConfig {

    /** Answers graded at the same time, shared by all tasks. */
    @WithDefault("2")
    int workers();

    /** Answers whose LLM panel may be waiting on providers at once ({@code SMARTAI_GRADING_LLM_WORKERS}). */
    @WithDefault("16")
    int llmWorkers();

    /**
     * The longest one answer's tool grading may take ({@code SMARTAI_GRADING_UNIT_DEADLINE}); past it the answer gets
     * no score and goes to review, and the worker moves on.
     */
    @WithDefault("120s")
    Duration unitDeadline();
}
