package ai.smartai.backend.grading;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;

/** Picks the {@link UnitQueue} the configuration asks for; the in-process one opens no connection at all. */
@ApplicationScoped
public class UnitQueues {

    @Inject
    QueueConfig config;

    @Inject
    Instance<LocalUnitQueue> local;

    @Inject
    Instance<RabbitUnitQueue> rabbit;

    @Produces
    @ApplicationScoped
    UnitQueue queue() {
        return config.queue() == QueueConfig.Kind.RABBITMQ ? rabbit.get() : local.get();
    }

    /** Every replica consumes from the broker from its start, not only the ones that run a job. */
    void onStart(@Observes StartupEvent event) {
        if (config.queue() == QueueConfig.Kind.RABBITMQ) {
            rabbit.get().start();
        }
    }
}
