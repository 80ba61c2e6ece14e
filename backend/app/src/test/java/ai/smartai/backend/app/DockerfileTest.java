package ai.smartai.backend.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The backend's container file: a JVM image that can run the sandbox, as a user that is not root. */
class DockerfileTest {

    static Dockerfile dockerfile;

    @BeforeAll
    static void read() throws IOException {
        dockerfile = Dockerfile.read(Dockerfile.BACKEND);
    }

    @Test
    void runsAsANumericUserThatIsNotRoot() {
        // Numeric, so that Kubernetes' runAsNonRoot can verify it without reading /etc/passwd.
        assertThat(dockerfile.user()).hasValueSatisfying(uid -> assertThat(uid).matches("[1-9][0-9]*"));
    }

    @Test
    void checksItsOwnLivenessOnTheManagementPort() {
        assertThat(dockerfile.last("HEALTHCHECK")).hasValueSatisfying(check -> assertThat(check)
                .contains("CMD").contains("/q/health/live").contains("9000").doesNotStartWith("NONE"));
    }

    @Test
    void carriesTheSandboxItsCompilersAndAChineseFont() {
        // bwrap isolates; setpriv and prlimit (util-linux) limit; python3 runs the harness; gcc, g++ and a JDK
        // (javac) build the C, C++ and Java answers (runner.py); fonts-noto-cjk draws Chinese in the PDF reports.
        assertThat(dockerfile.runWords()).contains("bubblewrap", "util-linux", "python3", "gcc", "g++",
                "openjdk-17-jdk-headless", "fonts-noto-cjk");
    }

    @Test
    void runsTheQuarkusAppWithTheJvmUnderUsr() {
        // The sandbox binds only /usr into a run: a JDK elsewhere (a Temurin base's /opt/java) could not compile Java.
        assertThat(dockerfile.last("FROM")).hasValueSatisfying(from -> assertThat(from).startsWith("debian:"));
        assertThat(dockerfile.last("ENTRYPOINT")).hasValueSatisfying(e -> assertThat(e).contains("quarkus-run.jar"));
        assertThat(dockerfile.all("COPY")).anySatisfy(copy -> assertThat(copy).startsWith("target/quarkus-app/lib/"));
    }
}
