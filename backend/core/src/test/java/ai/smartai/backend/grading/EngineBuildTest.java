package ai.smartai.backend.grading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EngineBuildTest {

    @Test
    void fingerprintsTheEngineCodeNotJustItsDeclaredVersion() {
        // Run from target/classes here: the fingerprint is a hash of the class files, stable within the process.
        assertThat(EngineBuild.fingerprint()).matches("[0-9a-f]{16}").isEqualTo(EngineBuild.fingerprint());
        assertThat(EngineBuild.fingerprint()).isNotEqualTo(GradingEngine.VERSION);
    }
}
