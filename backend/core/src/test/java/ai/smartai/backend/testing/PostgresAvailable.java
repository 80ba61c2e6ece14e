package ai.smartai.backend.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class only where a PostgreSQL server answers: at {@code SMARTAI_TEST_PG_URL} when set, else on
 * 127.0.0.1:5432 (database {@code test}, trust auth, as on our CI machines).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TestPostgres.Condition.class)
public @interface PostgresAvailable {
}
