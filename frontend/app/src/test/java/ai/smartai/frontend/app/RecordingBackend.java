package ai.smartai.frontend.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A backend on a local port that answers the few calls the dashboard and the login page make, and records the
 * Authorization header of each. {@code /api/auth/me} names the caller after that header, so a page shows which
 * session reached the backend on its behalf.
 */
public class RecordingBackend implements QuarkusTestResourceLifecycleManager {

    /** One request the frontend sent: its method and path, and its Authorization header if any. */
    public record Call(String method, String path, Optional<String> authorization) {
    }

    static final List<Call> CALLS = new CopyOnWriteArrayList<>();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/", this::answer);
        server.setExecutor(null);
        server.start();
        return Map.of("smartai.frontend.backend-url", "http://localhost:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String path = exchange.getRequestURI().getPath();
        CALLS.add(new Call(exchange.getRequestMethod(), path, Optional.ofNullable(auth)));
        String body = switch (path) {
            case "/api/auth/status" -> "{\"hasAccounts\":true,\"registrationOpen\":false}";
            case "/api/auth/me" -> "{\"id\":\"a1\",\"username\":\"teacher\",\"role\":\"teacher\",\"displayName\":\"as "
                    + auth + "\"}";
            case "/api/tasks", "/api/invitations" -> "[]";
            default -> null;
        };
        byte[] bytes = (body == null ? "{\"error\":\"not_found\",\"message\":\"no stub\"}" : body)
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
