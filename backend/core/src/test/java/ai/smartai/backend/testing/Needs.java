package ai.smartai.backend.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine. Where CI promises it (.ci/run installs and starts it; {@code CI=true}), its
 * absence fails the test; elsewhere the test is skipped with the reason.
 */
public final class Needs {

    private Needs() {
    }

    public static void bubblewrap(boolean works) {
        require(works, "bubblewrap (the sandbox) must work");
    }

    public static void cgroups(boolean writable) {
        require(writable, "a writable cgroup for the sandbox");
    }

    static void require(boolean present, String what) {
        if ("true".equals(System.getenv("CI"))) {
            assertThat(present).as(what + " in CI").isTrue();
        }
        Assumptions.assumeTrue(present, what + ": not available here");
    }
}
