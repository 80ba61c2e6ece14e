package ai.smartai.backend.ops;

import jakarta.inject.Singleton;

import ai.smartai.backend.metrics.OpsMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/** Binds the application's gauges to Quarkus' registry at startup (Quarkus binds every MeterBinder bean). */
@Singleton
public class OpsGauges implements MeterBinder {

    @Override
    public void bindTo(MeterRegistry registry) {
        OpsMetrics.bindGauges(registry);
    }
}
