package ai.smartai.backend.grading;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where grading units wait: {@code SMARTAI_QUEUE=local} (the default: in this process, no broker) or {@code rabbitmq}
 * (every replica takes units from RabbitMQ at {@code SMARTAI_RABBITMQ_URL}).
 */
@ConfigMapping(prefix = "smartai")
public interface QueueConfig {

    enum Kind {
        LOCAL,
        RABBITMQ
    }

    @WithDefault("local")
    Kind queue();

    Rabbitmq rabbitmq();

    interface Rabbitmq {

        /** {@code amqp://user:pass@host:5672/vhost}; required with {@code SMARTAI_QUEUE=rabbitmq}. */
        Optional<String> url();

        /**
         * The start of every exchange and queue name ({@code SMARTAI_RABBITMQ_PREFIX}), so that several SmarTAI
         * installations (or test runs) can share one broker.
         */
        @WithDefault("smartai")
        String prefix();

        /**
         * How long a replica told to stop waits for the units in its hands before it lets the broker hand them out
         * again ({@code SMARTAI_RABBITMQ_DRAIN}); keep it below the pod's termination grace period.
         */
        @WithDefault("20s")
        Duration drain();
    }
}
