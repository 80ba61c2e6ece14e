package ai.smartai.backend.testing;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTestProfile;

/** A backend on an empty data directory of its own, as on the first start of a new installation. */
public class FreshInstallProfile implements QuarkusTestProfile {

    public static final Path DATA_DIR = Path.of("target", "fresh-" + UUID.randomUUID()).toAbsolutePath();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("smartai.data-dir", DATA_DIR.toString());
    }
}
