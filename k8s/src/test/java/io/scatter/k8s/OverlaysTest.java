package io.scatter.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OverlaysTest {

    private static final List<String> WORKLOADS = List.of("StatefulSet/rabbitmq", "StatefulSet/postgres",
            "Deployment/scatter-api", "Deployment/scatter-worker", "Deployment/jaeger");

    @ParameterizedTest
    @ValueSource(strings = {"kind", "k3s-raspberry-pi"})
    void everyOverlayBreaksNoRule(String overlay) {
        assertThat(ManifestRules.check(Manifests.overlay(overlay))).isEmpty();
    }

    @Test
    void theBaseBreaksNoRule() {
        assertThat(ManifestRules.check(Manifests.base())).isEmpty();
    }

    @Test
    void theHpaAppliedInsteadOfKedaTargetsTheWorkersAndBreaksNoRule() {
        Rendering withHpa = Manifests.base().with(Yaml.readAll(Manifests.ROOT.resolve("hpa/worker-hpa.yaml")));

        assertThat(ManifestRules.check(withHpa)).isEmpty();
        assertThat(withHpa.documents()).filteredOn(d -> "HorizontalPodAutoscaler".equals(d.get("kind"))).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({"kind, amd64, standard", "k3s-raspberry-pi, arm64, local-path"})
    void everyWorkloadRunsOnTheOverlaysArchitectureAndStorageClass(String overlay, String arch, String storageClass) {
        Rendering rendering = Manifests.overlay(overlay);

        for (String workload : WORKLOADS) {
            String[] kindAndName = workload.split("/");
            Map<String, Object> document = rendering.find(kindAndName[0], kindAndName[1]);
            assertThat(Yaml.path(document, "spec", "template", "spec", "nodeSelector"))
                    .as(workload).isEqualTo(Map.of("kubernetes.io/arch", arch));
            for (Object claim : Yaml.list(Yaml.path(document, "spec", "volumeClaimTemplates"))) {
                assertThat(Yaml.path(Yaml.map(claim), "spec", "storageClassName")).as(workload).isEqualTo(storageClass);
                assertThat(Yaml.path(Yaml.map(claim), "spec", "accessModes")).as(workload).isNotNull();
            }
        }
    }

    @Test
    void theRaspberryPiOverlayAsksForLessThanTheBase() {
        Object base = Yaml.path(container(Manifests.base(), "scatter-worker"), "resources", "requests", "memory");
        Object pi = Yaml.path(container(Manifests.overlay("k3s-raspberry-pi"), "scatter-worker"), "resources",
                "requests", "memory");

        assertThat(base).isEqualTo("256Mi");
        assertThat(pi).isEqualTo("160Mi");
    }

    @Test
    void everyResourceIsInTheScatterNamespace() {
        assertThat(Manifests.overlay("kind").documents())
                .filteredOn(d -> !"Namespace".equals(d.get("kind")))
                .allSatisfy(d -> assertThat(Yaml.path(d, "metadata", "namespace")).isEqualTo("scatter"));
    }

    @Test
    void everySecretComesFromAGeneratorAndEveryReferencedSecretIsGenerated() {
        Rendering rendering = Manifests.overlay("kind");
        Set<String> secrets = rendering.documents().stream().filter(d -> "Secret".equals(d.get("kind")))
                .map(d -> (String) Yaml.path(d, "metadata", "name")).collect(Collectors.toSet());

        assertThat(secrets).isEqualTo(rendering.generatedSecrets());
        assertThat(referencedSecrets(rendering.documents())).isNotEmpty().isSubsetOf(secrets);
    }

    @Test
    void theWorkersOutlastATasksDeadlineWhenStopped() {
        Map<String, Object> worker = Manifests.base().find("Deployment", "scatter-worker");
        int podGrace = (Integer) Yaml.path(worker, "spec", "template", "spec", "terminationGracePeriodSeconds");
        int workerGrace = Yaml.list(Yaml.path(worker, "spec", "template", "spec", "containers")).stream()
                .flatMap(c -> Yaml.list(Yaml.map(c).get("env")).stream()).map(Yaml::map)
                .filter(e -> "SCATTER_SHUTDOWN_GRACE".equals(e.get("name")))
                .map(e -> Integer.parseInt((String) e.get("value"))).findFirst().orElseThrow();

        assertThat(workerGrace).isGreaterThan(600);
        assertThat(podGrace).isGreaterThan(workerGrace);
    }

    @Test
    void everySecretGeneratorReadsAFileGitIgnores() throws IOException {
        List<String> ignored = Files.readAllLines(Path.of("..", ".gitignore"));
        List<String> sources = Yaml.list(Yaml.read(Manifests.ROOT.resolve("base/kustomization.yaml"))
                        .get("secretGenerator")).stream()
                .flatMap(g -> Stream.concat(Yaml.list(Yaml.map(g).get("envs")).stream(),
                        Yaml.list(Yaml.map(g).get("files")).stream()))
                .map(String.class::cast).toList();

        assertThat(ignored).contains("deploy/k8s/base/secrets/");
        assertThat(sources).hasSize(5).allSatisfy(source -> assertThat(source).startsWith("secrets/"));
    }

    private static Map<String, Object> container(Rendering rendering, String deployment) {
        return Yaml.map(Yaml.list(Yaml.path(rendering.find("Deployment", deployment), "spec", "template", "spec",
                "containers")).get(0));
    }

    private static Set<String> referencedSecrets(Object node) {
        Set<String> names = new HashSet<>();
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> fields = Yaml.map(map);
            if (fields.get("secretName") instanceof String name) {
                names.add(name);
            }
            if (fields.get("secretKeyRef") instanceof Map<?, ?> ref) {
                names.add((String) ref.get("name"));
            }
            if (fields.get("secretTargetRef") instanceof List<?> refs) {
                refs.forEach(r -> names.add((String) Yaml.map(r).get("name")));
            }
            fields.values().forEach(v -> names.addAll(referencedSecrets(v)));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> names.addAll(referencedSecrets(v)));
        }
        return names;
    }
}
