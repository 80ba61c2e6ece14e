package ai.smartai.backend.grading.similarity;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import org.jboss.logging.Logger;

/**
 * In-process sentence embeddings (ONNX, no network): all-MiniLM-L6-v2 for English, bge-small-zh-v1.5 for Chinese.
 * Each model loads on first use; vectors of repeated texts (reference claims) are cached, least recently used out
 * first past {@link #CACHE} entries (about 30 MB of 384-float vectors), and forgotten after a day unused.
 */
@ApplicationScoped
public class Embeddings {

    private static final Logger LOG = Logger.getLogger(Embeddings.class);
    static final int CACHE = 20_000;

    private volatile EmbeddingModel english;
    private volatile EmbeddingModel chinese;
    private final Cache<String, float[]> cache;

    public Embeddings() {
        this(CACHE);
    }

    Embeddings(int entries) {
        cache = Caffeine.newBuilder().maximumSize(entries).expireAfterAccess(Duration.ofDays(1)).build();
    }

    public double similarity(String a, String b, boolean zh) {
        return cosine(vector(a, zh), vector(b, zh));
    }

    public float[] vector(String text, boolean zh) {
        String key = (zh ? "zh:" : "en:") + text;
        return cache.get(key, k -> model(zh).embed(text.length() > 2000 ? text.substring(0, 2000) : text).content()
                .vector());
    }

    /** Vectors held, for the bound's test and for metrics. */
    long cached() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    public static double cosine(float[] x, float[] y) {
        double d = 0;
        double nx = 0;
        double ny = 0;
        for (int i = 0; i < x.length; i++) {
            d += x[i] * y[i];
            nx += x[i] * x[i];
            ny += y[i] * y[i];
        }
        return nx == 0 || ny == 0 ? 0 : d / Math.sqrt(nx * ny);
    }

    private EmbeddingModel model(boolean zh) {
        EmbeddingModel m = zh ? chinese : english;
        if (m == null) {
            synchronized (this) {
                m = zh ? chinese : english;
                if (m == null) {
                    long t0 = System.nanoTime();
                    m = zh ? new BgeSmallZhV15QuantizedEmbeddingModel() : new AllMiniLmL6V2QuantizedEmbeddingModel();
                    LOG.infof("Loaded %s in %d ms", zh ? "bge-small-zh-v1.5" : "all-MiniLM-L6-v2",
                            (System.nanoTime() - t0) / 1_000_000);
                    if (zh) {
                        chinese = m;
                    } else {
                        english = m;
                    }
                }
            }
        }
        return m;
    }
}
