package ai.smartai.frontend.backend;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import ai.smartai.frontend.config.FrontendConfig;
import ai.smartai.frontend.session.SessionHeaders;
import ai.smartai.model.common.ErrorBody;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.runtime.LaunchMode;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The one way pages reach the backend. The client is built on first use because in the single-process launcher its
 * address is this server's own port, which is known only once the server listens.
 */
@ApplicationScoped
public class Backend {

    @Inject
    FrontendConfig config;

    @Inject
    SessionHeaders sessionHeaders;

    private volatile BackendClient client;

    public <T> T call(Function<BackendClient, T> call) {
        try {
            return call.apply(client());
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            ErrorBody body = readError(e);
            throw new BackendException(status, body == null ? "http_" + status : body.error(),
                    body == null ? Message.of(MessageCode.ERR_BACKEND_STATUS, status) : body.text(), e);
        } catch (ProcessingException e) {
            throw new BackendException(503, "backend_unreachable",
                    Message.of(MessageCode.ERR_BACKEND_UNREACHABLE, baseUri()), e);
        }
    }

    public void run(Consumer<BackendClient> call) {
        call(c -> {
            call.accept(c);
            return null;
        });
    }

    public URI baseUri() {
        return config.backendUrl().orElseGet(Backend::ownAddress);
    }

    private BackendClient client() {
        BackendClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = QuarkusRestClientBuilder.newBuilder()
                            .baseUri(baseUri())
                            .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                            .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                            .clientHeadersFactory(sessionHeaders)
                            .build(BackendClient.class);
                }
                c = client;
            }
        }
        return c;
    }

    private static URI ownAddress() {
        String key = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        int port = ConfigProvider.getConfig().getValue(key, Integer.class);
        return URI.create("http://localhost:" + port);
    }

    private static ErrorBody readError(WebApplicationException e) {
        try {
            return e.getResponse().readEntity(ErrorBody.class);
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
