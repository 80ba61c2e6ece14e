package ai.smartai.backend.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import ai.smartai.backend.testing.Api;
import ai.smartai.backend.testing.FreshInstallProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** A new installation: its data is private to the server's user, and its first account is the only admin. */
@QuarkusTest
@TestProfile(FreshInstallProfile.class)
class FreshInstallTest {

    @Test
    void concurrentFirstRegistrationsMakeOneAdministrator() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String name = "first-" + i;
            attempts.add(() -> given().contentType(ContentType.JSON).body(Map.of("username", name, "password",
                    Api.PASSWORD)).post("/api/auth/register").statusCode());
        }
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(attempts)) {
            codes.add(f.get());
        }
        pool.shutdown();
        assertThat(codes).filteredOn(c -> c == 201).hasSize(1);
        assertThat(codes).filteredOn(c -> c != 201).allMatch(c -> c == 409 || c == 403);
        int admins = 0;
        for (int i = 0; i < 10; i++) {
            var login = given().contentType(ContentType.JSON).body(Map.of("username", "first-" + i, "password",
                    Api.PASSWORD)).post("/api/auth/login");
            if (login.statusCode() == 200) {
                String role = Api.as(login.path("token")).get("/api/auth/me").then().extract().path("role");
                admins += "admin".equals(role) ? 1 : 0;
            }
        }
        assertThat(admins).isEqualTo(1);
    }

    @Test
    void theDataDirectoryIsReadableByTheServersUserOnly() throws Exception {
        Path dir = FreshInstallProfile.DATA_DIR;
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                assertThat(perms).as(p.toString()).isIn("rwx------", "rw-------");
                assertThat(p.getFileName().toString()).as("H2 writes no trace file").doesNotEndWith(".trace.db");
            }
        }
        assertThat(Files.list(dir.resolve("db")).map(p -> p.getFileName().toString()))
                .contains("smartai.mv.db");
    }
}
