package ai.smartai.frontend.pages;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.smartai.frontend.backend.Backend;
import ai.smartai.frontend.backend.BackendClient;
import ai.smartai.frontend.backend.BackendException;
import ai.smartai.frontend.i18n.Lang;
import io.quarkus.qute.TemplateInstance;

/**
 * Sends what a form asked for. When the backend refuses it for a reason the user can act on, the form comes back
 * with the backend's message in the page's language (a {@link FormFailure}) instead of the error page: any 4xx, 502, which the backend
 * answers when an AI provider it asked failed, and 503 {@code providers_busy}, when every provider slot is in use. A signed-in form whose session ended meets the 401 again while it is
 * drawn, and that goes to login.
 */
@ApplicationScoped
public class Forms {

    @Inject
    Backend backend;

    @Inject
    Lang lang;

    /** The form is shown again with the backend's status. */
    public <T> T call(Function<BackendClient, T> call, Function<String, TemplateInstance> form) {
        return send(call, form, IntUnaryOperator.identity());
    }

    public void run(Consumer<BackendClient> call, Function<String, TemplateInstance> form) {
        run(call, form, IntUnaryOperator.identity());
    }

    /** The form is shown again with the status the page chooses for the backend's. */
    public void run(Consumer<BackendClient> call, Function<String, TemplateInstance> form, IntUnaryOperator status) {
        send(c -> {
            call.accept(c);
            return null;
        }, form, status);
    }

    private <T> T send(Function<BackendClient, T> call, Function<String, TemplateInstance> form,
            IntUnaryOperator status) {
        try {
            return backend.call(call);
        } catch (BackendException e) {
            if (!refused(e)) {
                throw e;
            }
            throw new FormFailure(status.applyAsInt(e.status()), form.apply(lang.text(e.text())), e);
        }
    }

    private static boolean refused(BackendException e) {
        return e.status() >= 400 && e.status() < 500 || e.status() == 502
                || e.status() == 503 && "providers_busy".equals(e.code());
    }
}
