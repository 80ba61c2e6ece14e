package ai.smartai.backend.llm;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks on what the panel sent. */
final class JsonBodies {

    private JsonBodies() {
    }

    /** The re-ask carries the broken reply back and says what was wrong with it. */
    static void assertReask(StubLlm stub, String model) {
        assertThat(stub.seen().stream().filter(s -> model.equals(s.model()))
                .anyMatch(s -> s.body().contains("could not be used") && s.body().contains("Sure! Here is my grade")))
                .isTrue();
    }
}
