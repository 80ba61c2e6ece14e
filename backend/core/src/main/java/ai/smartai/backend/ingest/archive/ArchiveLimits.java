package ai.smartai.backend.ingest.archive;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Caps on what one uploaded archive may expand to. Sizes count the bytes actually decompressed, not what headers
 * claim. Environment: {@code SMARTAI_INGEST_MAX_ENTRIES}, {@code SMARTAI_INGEST_MAX_ENTRY_BYTES}, …
 */
@ConfigMapping(prefix = "smartai.ingest")
public interface ArchiveLimits {

    @WithDefault("5000")
    int maxEntries();

    /** One member file. */
    @WithDefault("20971520")
    long maxEntryBytes();

    /** The whole archive, nested archives included. */
    @WithDefault("314572800")
    long maxTotalBytes();

    /** Archives inside the archive are expanded this many levels deep. */
    @WithDefault("1")
    int maxNesting();

    static ArchiveLimits of(int maxEntries, long maxEntryBytes, long maxTotalBytes, int maxNesting) {
        return new ArchiveLimits() {
            @Override
            public int maxEntries() {
                return maxEntries;
            }

            @Override
            public long maxEntryBytes() {
                return maxEntryBytes;
            }

            @Override
            public long maxTotalBytes() {
                return maxTotalBytes;
            }

            @Override
            public int maxNesting() {
                return maxNesting;
            }
        };
    }
}
