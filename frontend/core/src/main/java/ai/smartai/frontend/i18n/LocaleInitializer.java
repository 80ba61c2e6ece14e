package ai.smartai.frontend.i18n;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.arc.Arc;
import io.quarkus.qute.EngineBuilder;

/**
 * Every page renders in the request's language, without each page method having to say so. Qute does not pick up
 * initializer beans on its own; observing the engine builder registers one.
 */
@ApplicationScoped
public class LocaleInitializer {

    void register(@Observes EngineBuilder builder) {
        builder.addTemplateInstanceInitializer(instance -> {
            if (Arc.container().requestContext().isActive()) {
                instance.setLocale(Arc.container().instance(Lang.class).get().locale());
            }
        });
    }
}
