package ai.smartai.backend.db;

import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import ai.smartai.backend.config.SmartaiConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.hibernate.orm.PersistenceUnit;
import org.hibernate.Session;

/**
 * The entity manager of whichever database is active (see {@link DatabaseSelection}). Repositories use this rather than
 * injecting an {@code EntityManager}, because the inactive unit must never be touched.
 */
@ApplicationScoped
public class Db {

    private final SmartaiConfig config;
    private final boolean postgres;
    private final InjectableInstance<EntityManager> embedded;
    private final InjectableInstance<EntityManager> postgresql;
    private final InjectableInstance<AgroalDataSource> embeddedSource;
    private final InjectableInstance<AgroalDataSource> postgresqlSource;

    @Inject
    Db(SmartaiConfig config, InjectableInstance<EntityManager> embedded,
            @PersistenceUnit("pg") InjectableInstance<EntityManager> postgresql,
            InjectableInstance<AgroalDataSource> embeddedSource,
            @DataSource("pg") InjectableInstance<AgroalDataSource> postgresqlSource) {
        this.config = config;
        this.postgres = "postgresql".equals(config.db().kind());
        this.embedded = embedded;
        this.postgresql = postgresql;
        this.embeddedSource = embeddedSource;
        this.postgresqlSource = postgresqlSource;
    }

    /** The active database's pool, for what JPA does badly (streamed bytes); its connections join the transaction. */
    public AgroalDataSource dataSource() {
        return postgres ? postgresqlSource.get() : embeddedSource.get();
    }

    public EntityManager em() {
        return postgres ? postgresql.get() : embedded.get();
    }

    public boolean isPostgres() {
        return postgres;
    }

    /** PostgreSQL only: sends {@code payload} on {@code channel} when the current transaction commits. */
    public void notify(String channel, String payload) {
        em().unwrap(Session.class).doWork(c -> PgNotifications.send(c, channel, payload));
    }

    /** PostgreSQL only: hands what is sent on {@code channel}, by any process, to {@code deliver} until closed. */
    public PgNotifications listen(String channel, Consumer<String> deliver) {
        SmartaiConfig.Database d = config.db();
        return PgNotifications.listen(d.url().orElseThrow(), d.user(), d.password().orElse(null), channel, deliver);
    }
}
