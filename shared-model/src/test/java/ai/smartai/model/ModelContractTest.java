package ai.smartai.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.junit.jupiter.api.Test;

import ai.smartai.model.account.RegisterRequest;
import ai.smartai.model.grade.GradeMethod;
import ai.smartai.model.job.JobKind;
import ai.smartai.model.problem.ProblemType;
import ai.smartai.model.task.TaskCreate;
import com.fasterxml.jackson.databind.ObjectMapper;

class ModelContractTest {

    final ObjectMapper json = new ObjectMapper();
    final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void enumsUseTheContractsWireNames() throws IOException {
        assertThat(json.writeValueAsString(JobKind.ANSWER_KEY)).isEqualTo("\"answer-key\"");
        assertThat(json.writeValueAsString(GradeMethod.LLM_PANEL)).isEqualTo("\"llm-panel\"");
        assertThat(json.readValue("\"calculation\"", ProblemType.class)).isEqualTo(ProblemType.CALCULATION);
    }

    @Test
    void validationNamesTheBrokenField() {
        assertThat(validator.validate(new TaskCreate(" "))).extracting(v -> v.getPropertyPath().toString())
                .containsExactly("name");
        assertThat(validator.validate(new RegisterRequest("ab", "short", null)))
                .extracting(v -> v.getPropertyPath().toString())
                .containsExactlyInAnyOrder("username", "password");
    }

    /** Native images need every API type (record or enum) registered; the list is kept beside the types, so check it is whole. */
    @Test
    void everyApiTypeIsRegisteredForReflection() throws IOException {
        Set<String> types;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            types = files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("package-info.java"))
                    .map(p -> Path.of("src/main/java").relativize(p).toString().replace('/', '.').replace(".java", ""))
                    .filter(ModelContractTest::isApiType).collect(Collectors.toSet());
        }
        try (InputStream in = getClass().getResourceAsStream(
                "/META-INF/native-image/ai.smartai/shared-model/reflect-config.json")) {
            // Nested records are registered too; the file walk sees only top-level types.
            Set<String> registered = Stream.of(json.readValue(in, Map[].class)).map(m -> (String) m.get("name"))
                    .filter(n -> !n.contains("$")).collect(Collectors.toSet());
            assertThat(registered).isEqualTo(types);
        }
    }

    /** Helpers such as {@code Scores} are not serialised, so they need no registration. */
    private static boolean isApiType(String name) {
        try {
            Class<?> type = Class.forName(name);
            return type.isRecord() || type.isEnum() || type.isInterface();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name, e);
        }
    }
}
