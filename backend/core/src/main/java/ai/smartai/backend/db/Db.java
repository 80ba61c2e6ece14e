package ai.smartai.backend.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import ai.smartai.backend.config.SmartaiConfig;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.hibernate.orm.PersistenceUnit;

/**
 * The entity manager of whichever database is active (see {@link DatabaseSelection}). Repositories use this rather than
 * injecting an {@code EntityManager}, because the inactive unit must never be touched.
 */
@ApplicationScoped
public class Db {

    private final boolean postgres;
    private final InjectableInstance<EntityManager> embedded;
    private final InjectableInstance<EntityManager> postgresql;

    @Inject
    Db(SmartaiConfig config, InjectableInstance<EntityManager> embedded,
            @PersistenceUnit("pg") InjectableInstance<EntityManager> postgresql) {
        this.postgres = "postgresql".equals(config.db().kind());
        this.embedded = embedded;
        this.postgresql = postgresql;
    }

    public EntityManager em() {
        return postgres ? postgresql.get() : embedded.get();
    }

    public boolean isPostgres() {
        return postgres;
    }
}
