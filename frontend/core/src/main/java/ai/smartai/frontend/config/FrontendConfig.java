package ai.smartai.frontend.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Frontend settings; the split-mode app maps {@code SMARTAI_BACKEND_URL} onto {@code backend-url}. */
@ConfigMapping(prefix = "smartai.frontend")
public interface FrontendConfig {

    /**
     * The backend's base URL. Unset in the single-process launcher: the frontend then calls the backend on its own
     * HTTP port.
     */
    Optional<URI> backendUrl();

    @WithDefault("5s")
    Duration connectTimeout();

    /**
     * Longer than the backend's provider timeout ({@code smartai.llm.timeout}, 60 s), which bounds the slowest page:
     * a provider test that times out is then reported as such, not as an unreachable backend.
     */
    @WithDefault("75s")
    Duration readTimeout();
}
