package ai.smartai.backend.llm;

import java.time.Duration;

/** When a call must be over: waits for a provider's limits, retries and backoff stop there. */
public record Deadline(long nanos) {

    public static Deadline after(Duration d) {
        return new Deadline(System.nanoTime() + d.toNanos());
    }

    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, nanos - System.nanoTime()));
    }
}
