package ai.smartai.backend.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.smartai.backend.grading.sandbox.Sandbox;
import io.smallrye.health.api.Wellness;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Whether student programs can run: bubblewrap starts here (or the unsafe local mode is allowed). A wellness check
 * ({@code /q/health/well}), not readiness: without a sandbox the server still grades everything else and sends
 * programs to review, so it must keep taking traffic.
 */
@Wellness
@ApplicationScoped
public class SandboxHealth implements HealthCheck {

    @Inject
    Sandbox sandbox;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("sandbox").status(sandbox.available())
                .withData("isolated", sandbox.isolated()).build();
    }
}
