package ai.smartai.backend.db;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns on exactly one of the two persistence units at startup, from {@code smartai.db.url}
 * ({@code SMARTAI_DB_URL}): a {@code jdbc:postgresql:} URL selects PostgreSQL, anything else the embedded H2.
 *
 * <p>Quarkus fixes a datasource's kind at build time, so one artifact declares both and this picks one at runtime;
 * see docs/architecture.md.
 */
public class DatabaseSelection implements ConfigSourceFactory {

    static final String URL_KEY = "smartai.db.url";
    static final String DATA_DIR_KEY = "smartai.data-dir";
    /** MODE=PostgreSQL keeps one set of migrations; WRITE_DELAY=0 makes a commit durable before it returns. */
    static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0"
            // No trace file: it would hold SQL with the values of the statements.
            + ";TRACE_LEVEL_FILE=0";

    /**
     * The embedded database under the data directory. {@code retry:} reopens the file when a thread is interrupted
     * while writing (a provider call cut at its deadline, a cancelled unit); plain files would close H2's channel and
     * fail every later statement of the whole server.
     */
    public static String h2Url(Path dataDir) {
        return "jdbc:h2:retry:" + dataDir.resolve("db").resolve("smartai") + H2_OPTIONS;
    }

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue url = context.getValue(URL_KEY);
        boolean postgres = isPostgres(url == null ? null : url.getValue());
        String h2 = Boolean.toString(!postgres);
        String pg = Boolean.toString(postgres);
        ConfigValue dataDir = context.getValue(DATA_DIR_KEY);
        Path dir = Path.of(dataDir == null || dataDir.getValue() == null ? "./data" : dataDir.getValue())
                .toAbsolutePath().normalize();
        Map<String, String> active = Map.of(
                "quarkus.datasource.jdbc.url", h2Url(dir),
                "quarkus.datasource.active", h2,
                "quarkus.hibernate-orm.active", h2,
                "quarkus.datasource.pg.active", pg,
                "quarkus.hibernate-orm.pg.active", pg,
                "smartai.db.kind", postgres ? "postgresql" : "h2");
        // Below system properties and environment variables, above the defaults in properties files.
        return List.of(new PropertiesConfigSource(active, "smartai-database-selection", 275));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(275);
    }

    public static boolean isPostgres(String url) {
        return url != null && url.trim().toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:");
    }
}
