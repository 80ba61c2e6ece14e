package ai.smartai.backend.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.smartai.backend.config.SmartaiConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The master key across replicas: the settings are read the way the server reads them (the same config mapping), and
 * each {@link KeyVault} here stands for one replica.
 */
class MasterKeyTest {

    static final String KEY = "c21hcnRhaS10ZXN0LW1hc3Rlci1rZXktMzItYnl0ZXM=";

    @Test
    void aBackendAppOnPostgresqlRefusesToStartWithoutAMasterKeyAndNamesTheSetting() throws Exception {
        KeyVault replica = replica(Map.of("smartai.master-key-required", "true", "smartai.db.kind", "postgresql"));
        assertThatThrownBy(() -> replica.onStart(null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SMARTAI_MASTER_KEY").hasMessageContaining("SMARTAI_MASTER_KEY_FILE");
        assertThat(replica.config.dataDir().resolve("master.key")).as("no key of its own is generated").doesNotExist();
    }

    @Test
    void theEmbeddedServerAndTheBackendAppOnH2StillGenerateTheirKey() throws Exception {
        KeyVault embedded = replica(Map.of());
        embedded.onStart(null);
        KeyVault appOnH2 = replica(Map.of("smartai.master-key-required", "true"));
        assertThatCode(() -> appOnH2.onStart(null)).doesNotThrowAnyException();
        String sealed = embedded.encrypt("sk-embedded-1234", "p1", "t1");
        assertThat(embedded.decrypt(sealed, "p1", "t1")).isEqualTo("sk-embedded-1234");
        assertThat(embedded.config.dataDir().resolve("master.key")).exists();
    }

    @Test
    void twoReplicasGivenTheSameKeyReadEachOthersProviderKeys() throws Exception {
        Map<String, String> shared = Map.of("smartai.master-key-required", "true", "smartai.db.kind", "postgresql",
                "smartai.master-key", KEY);
        KeyVault a = replica(shared);
        KeyVault b = replica(shared);
        a.onStart(null);
        b.onStart(null);
        assertThat(b.decrypt(a.encrypt("sk-from-replica-a-1234", "p1", "t1"), "p1", "t1"))
                .isEqualTo("sk-from-replica-a-1234");
        assertThat(a.decrypt(b.encrypt("sk-from-replica-b-5678", "p2", "t1"), "p2", "t1"))
                .isEqualTo("sk-from-replica-b-5678");
    }

    @Test
    void twoReplicasThatEachGeneratedAKeyCannotReadEachOthersProviderKeys() throws Exception {
        KeyVault a = replica(Map.of());
        KeyVault b = replica(Map.of());
        String sealed = a.encrypt("sk-from-replica-a-1234", "p1", "t1");
        assertThatThrownBy(() -> b.decrypt(sealed, "p1", "t1")).isInstanceOf(KeyVault.KeyLost.class);
    }

    @Test
    void aMalformedKeyStopsTheStartNamingTheSetting() throws Exception {
        KeyVault replica = replica(Map.of("smartai.master-key", "not-a-key"));
        assertThatThrownBy(() -> replica.onStart(null)).hasMessageContaining("SMARTAI_MASTER_KEY must be");
    }

    /** A replica with a data directory of its own and these settings. */
    private static KeyVault replica(Map<String, String> settings) throws Exception {
        Map<String, String> all = new HashMap<>(settings);
        all.put("smartai.data-dir", Files.createTempDirectory("replica-").toString());
        KeyVault vault = new KeyVault();
        vault.config = new SmallRyeConfigBuilder().withMapping(SmartaiConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withConverter(MemorySize.class, 100, new MemorySizeConverter())
                .withSources(new PropertiesConfigSource(all, "test", 500)).build()
                .getConfigMapping(SmartaiConfig.class);
        return vault;
    }
}
