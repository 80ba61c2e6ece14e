package ai.smartai.backend.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The manifest quarkus-kubernetes wrote at package time (failsafe runs after it): what an operator applies must carry
 * its secrets by reference, migrate in the pods, keep the sandbox working and survive a node drain.
 */
class KubernetesManifestIT {

    static final Path MANIFEST = Path.of("target/kubernetes/kubernetes.yml");

    static List<JsonNode> resources;
    static JsonNode deployment;
    static JsonNode pod;
    static JsonNode container;

    @BeforeAll
    static void read() throws IOException {
        assertThat(MANIFEST).as("written by quarkus-kubernetes at package time").exists();
        YAMLFactory yaml = new YAMLFactory();
        try (var parser = yaml.createParser(Files.newBufferedReader(MANIFEST))) {
            resources = new ObjectMapper(yaml).readValues(parser, JsonNode.class).readAll();
        }
        deployment = only("Deployment", "smartai-backend");
        pod = deployment.at("/spec/template/spec");
        container = pod.at("/containers/0");
    }

    static JsonNode only(String kind, String name) {
        List<JsonNode> found = resources.stream()
                .filter(r -> r.path("kind").asText().equals(kind) && r.at("/metadata/name").asText().equals(name))
                .toList();
        assertThat(found).as(kind + " " + name).hasSize(1);
        return found.get(0);
    }

    static JsonNode env(String name) {
        return StreamSupport.stream(container.path("env").spliterator(), false)
                .filter(e -> e.path("name").asText().equals(name)).findFirst().orElseThrow(
                        () -> new AssertionError("no env " + name + " in " + container.path("env")));
    }

    @Test
    void runsTwoReplicasOfTheBackendImage() {
        String version = deployment.at("/metadata/labels/app.kubernetes.io~1version").asText();
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
        assertThat(pod.path("containers")).hasSize(1);
        assertThat(container.path("image").asText()).endsWith("smartai/smartai-backend:" + version);
        // An upgrade never takes a ready pod away before its successor is ready.
        assertThat(deployment.at("/spec/strategy/rollingUpdate/maxUnavailable").asText()).isEqualTo("0");
    }

    @Test
    void probesHealthOnTheManagementPortAndReadinessIsTheFullCheck() {
        int management = StreamSupport.stream(container.path("ports").spliterator(), false)
                .filter(p -> p.path("name").asText().equals("management")).findFirst().orElseThrow()
                .path("containerPort").asInt();
        // /q/health/ready holds the database and, with SMARTAI_QUEUE=rabbitmq, the broker.
        Map<String, String> probes = Map.of("livenessProbe", "/q/health/live", "readinessProbe", "/q/health/ready",
                "startupProbe", "/q/health/started");
        probes.forEach((probe, path) -> {
            assertThat(container.at("/" + probe + "/httpGet/path").asText()).as(probe).isEqualTo(path);
            assertThat(container.at("/" + probe + "/httpGet/port").asInt()).as(probe).isEqualTo(management);
        });
        // Start-up runs the migrations: minutes, not the 35 s of the defaults.
        assertThat(container.at("/startupProbe/failureThreshold").asInt()
                * container.at("/startupProbe/periodSeconds").asInt()).isGreaterThanOrEqualTo(300);
    }

    @Test
    void takesSecretsFromSecretsAndSettingsFromTheConfigMap() {
        assertThat(env("SMARTAI_MASTER_KEY").at("/valueFrom/secretKeyRef/name").asText())
                .isEqualTo("smartai-master-key");
        assertThat(env("SMARTAI_MASTER_KEY").at("/valueFrom/secretKeyRef/key").asText()).isEqualTo("master-key");
        assertThat(env("SMARTAI_DB_PASSWORD").at("/valueFrom/secretKeyRef/name").asText()).isEqualTo("smartai-db");
        assertThat(env("SMARTAI_DB_PASSWORD").at("/valueFrom/secretKeyRef/key").asText()).isEqualTo("password");
        JsonNode broker = env("SMARTAI_RABBITMQ_URL").at("/valueFrom/secretKeyRef");
        assertThat(broker.path("name").asText()).isEqualTo("smartai-rabbitmq");
        // Without a broker the in-process queue runs, and the pod must start without that Secret.
        assertThat(broker.path("optional").asBoolean()).isTrue();
        for (String secret : List.of("SMARTAI_MASTER_KEY", "SMARTAI_DB_PASSWORD", "SMARTAI_RABBITMQ_URL")) {
            assertThat(env(secret).has("value")).as(secret + " written into the manifest").isFalse();
        }
        assertThat(container.at("/envFrom/0/configMapRef/name").asText()).isEqualTo("smartai-config");
        assertThat(env("SMARTAI_JOBS_REPLICA_ID").at("/valueFrom/fieldRef/fieldPath").asText())
                .isEqualTo("metadata.name");
    }

    @Test
    void givesTheDataDirectoryAScratchVolumeAndAsksForNoSharedStorage() {
        // Uploads, the master key and job states live in PostgreSQL and the Secret: nothing to share between pods.
        String dataDir = env("SMARTAI_DATA_DIR").path("value").asText();
        JsonNode mount = container.at("/volumeMounts/0");
        assertThat(mount.path("mountPath").asText()).isEqualTo(dataDir);
        JsonNode volume = StreamSupport.stream(pod.path("volumes").spliterator(), false)
                .filter(v -> v.path("name").asText().equals(mount.path("name").asText())).findFirst().orElseThrow();
        assertThat(volume.has("emptyDir")).as(volume.toString()).isTrue();
        assertThat(resources).noneSatisfy(r -> assertThat(r.path("kind").asText()).isEqualTo("PersistentVolumeClaim"));
    }

    @Test
    void migratesInThePodsWithNoInitJobImageOrRbac() {
        assertThat(resources).noneSatisfy(r -> assertThat(r.path("kind").asText())
                .isIn("Job", "ServiceAccount", "Role", "RoleBinding", "ClusterRole", "ServiceMonitor"));
        assertThat(pod.has("initContainers")).isFalse();
        assertThat(container.path("env").findValuesAsText("name")).doesNotContain("QUARKUS_FLYWAY_ACTIVE",
                "QUARKUS_FLYWAY_PG_ACTIVE", "QUARKUS_INIT_AND_EXIT");
    }

    @Test
    void requestsAndLimitsCpuAndMemory() {
        for (String field : List.of("requests/cpu", "requests/memory", "limits/cpu", "limits/memory")) {
            assertThat(container.at("/resources/" + field).asText()).as(field).isNotEmpty();
        }
    }

    @Test
    void aDrainKeepsOneBackendServing() {
        JsonNode budget = only("PodDisruptionBudget", "smartai-backend");
        assertThat(budget.at("/spec/minAvailable").asInt()).isEqualTo(1);
        JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
        budget.at("/spec/selector/matchLabels").fields().forEachRemaining(
                label -> assertThat(podLabels.path(label.getKey()).asText()).as(label.getKey())
                        .isEqualTo(label.getValue().asText()));
    }

    @Test
    void runsAsTheImagesUserWithWhatTheSandboxNeedsAndNoMore() throws IOException {
        String uid = Dockerfile.read(Dockerfile.BACKEND).user().orElseThrow();
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.at("/securityContext/runAsUser").asText()).isEqualTo(uid);
        // bubblewrap's namespaces and its own /proc, inside a user namespace of the pod's (docs/deployment.md).
        assertThat(pod.path("hostUsers").isBoolean() && !pod.path("hostUsers").asBoolean()).isTrue();
        JsonNode security = container.path("securityContext");
        assertThat(security.at("/procMount").asText()).isEqualTo("Unmasked");
        assertThat(security.at("/seccompProfile/type").asText()).isEqualTo("Unconfined");
        assertThat(security.at("/allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(security.at("/capabilities/add").isMissingNode()).as("no capability added").isTrue();
        assertThat(security.at("/capabilities/drop/0").asText()).isEqualTo("ALL");
        assertThat(security.has("privileged") && security.path("privileged").asBoolean()).isFalse();
    }
}
