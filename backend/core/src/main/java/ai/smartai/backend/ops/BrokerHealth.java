package ai.smartai.backend.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.smartai.backend.grading.RabbitUnitQueue;
import io.quarkus.arc.lookup.LookupIfProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Whether the broker that carries the grading units answers ({@code /q/health/ready}). Only with
 * {@code SMARTAI_QUEUE=rabbitmq}: a replica that cannot reach it grades nothing, so it takes no traffic until the
 * client's recovery has reconnected. The embedded default has no broker and no such check.
 */
@Readiness
@ApplicationScoped
@LookupIfProperty(name = "smartai.queue", stringValue = "rabbitmq")
public class BrokerHealth implements HealthCheck {

    @Inject
    RabbitUnitQueue queue;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("rabbitmq").status(queue.connected()).build();
    }
}
