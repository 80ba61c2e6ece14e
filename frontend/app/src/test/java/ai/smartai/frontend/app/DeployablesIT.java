package ai.smartai.frontend.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The frontend's container file and the manifest quarkus-kubernetes wrote at package time (failsafe runs after it):
 * two replicas of a non-root image that knows where the backend is and holds nothing secret.
 */
class DeployablesIT {

    static final Path MANIFEST = Path.of("target/kubernetes/kubernetes.yml");
    static final Path DOCKERFILE = Path.of("src/main/docker/Dockerfile.jvm");
    static final Pattern USER = Pattern.compile("(?m)^USER\\s+(\\d+)");

    static List<JsonNode> resources;
    static JsonNode deployment;
    static JsonNode container;
    static String dockerfile;

    @BeforeAll
    static void read() throws IOException {
        assertThat(MANIFEST).as("written by quarkus-kubernetes at package time").exists();
        YAMLFactory yaml = new YAMLFactory();
        try (var parser = yaml.createParser(Files.newBufferedReader(MANIFEST))) {
            resources = new ObjectMapper(yaml).readValues(parser, JsonNode.class).readAll();
        }
        deployment = resources.stream().filter(r -> r.path("kind").asText().equals("Deployment")).findFirst()
                .orElseThrow();
        container = deployment.at("/spec/template/spec/containers/0");
        dockerfile = Files.readString(DOCKERFILE);
    }

    @Test
    void theImageRunsAsANumericUserThatIsNotRootAndChecksItsHealth() {
        Matcher user = USER.matcher(dockerfile);
        String uid = null;
        while (user.find()) {
            uid = user.group(1);
        }
        assertThat(uid).isNotNull().isNotEqualTo("0");
        assertThat(deployment.at("/spec/template/spec/securityContext/runAsUser").asText()).isEqualTo(uid);
        assertThat(deployment.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(dockerfile).containsPattern("(?m)^HEALTHCHECK .*\\\\\\s+CMD curl -fsS \\S+/q/health/live");
        // The server-drawn charts label in Chinese.
        assertThat(dockerfile).contains("fonts-noto-cjk");
    }

    @Test
    void runsTwoReplicasOfTheFrontendImagePointedAtTheBackendService() {
        String version = deployment.at("/metadata/labels/app.kubernetes.io~1version").asText();
        assertThat(deployment.at("/metadata/name").asText()).isEqualTo("smartai-frontend");
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
        assertThat(container.path("image").asText()).endsWith("smartai/smartai-frontend:" + version);
        assertThat(container.path("env").findValuesAsText("value")).contains("http://smartai-backend:80");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(container.at("/resources/limits/memory").asText()).isNotEmpty();
        assertThat(container.at("/resources/requests/cpu").asText()).isNotEmpty();
        assertThat(container.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
    }

    @Test
    void aDrainKeepsOneFrontendServingAndNothingElseIsGenerated() {
        assertThat(resources).extracting(r -> r.path("kind").asText())
                .containsExactlyInAnyOrder("Service", "Deployment", "PodDisruptionBudget");
        JsonNode budget = resources.stream().filter(r -> r.path("kind").asText().equals("PodDisruptionBudget"))
                .findFirst().orElseThrow();
        assertThat(budget.at("/spec/minAvailable").asInt()).isEqualTo(1);
        assertThat(budget.at("/spec/selector/matchLabels/app.kubernetes.io~1name").asText())
                .isEqualTo("smartai-frontend");
    }
}
