package ai.smartai.backend.grading.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The vector cache evicts instead of growing: a long-running server embeds millions of distinct answers. A Quarkus
 * test only so that the ONNX runtime's native library loads in the same class loader as the other tests'.
 */
@QuarkusTest
class EmbeddingsCacheTest {

    @Test
    void distinctTextsBeyondTheBoundEvictOldVectorsAndStillEmbed() {
        Embeddings embeddings = new Embeddings(50);
        float[] first = embeddings.vector("the derivative of x squared is 2x", false);
        for (int i = 0; i < 300; i++) {
            embeddings.vector("answer number " + i, false);
        }
        assertThat(embeddings.cached()).isLessThanOrEqualTo(50);
        // An evicted text is embedded again, to the same vector.
        assertThat(embeddings.vector("the derivative of x squared is 2x", false)).containsExactly(first);
    }
}
