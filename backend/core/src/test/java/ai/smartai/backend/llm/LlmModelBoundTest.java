package ai.smartai.backend.llm;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ai.smartai.model.provider.ProviderKind;
import io.quarkus.test.junit.QuarkusTest;

/** Every key change builds a new model: the map of built models stays bounded however many there were. */
@QuarkusTest
class LlmModelBoundTest {

    @Inject
    LlmClient client;

    @Test
    void manyDistinctProvidersAndKeysKeepTheModelMapBounded() {
        for (int i = 0; i < LlmClient.MAX_MODELS * 3; i++) {
            client.model(new ActiveProvider("p" + i, "owner", ProviderKind.OPENAI, "http://127.0.0.1:9/v1", "m",
                    "stub " + i, 1, 60, "sk-key-" + i));
        }
        assertThat(client.modelsHeld()).isLessThanOrEqualTo(LlmClient.MAX_MODELS);
    }
}
