package io.scatter.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.scatter.k8s.Violation.Rule;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each rule fails on a copy of the base broken in one place. */
class ManifestRulesTest {

    private final Rendering broken = Manifests.base().copy();

    @Test
    void anImageTaggedLatestIsUnpinned() {
        apiContainer().put("image", "scatter/api:latest");

        assertThat(ManifestRules.check(broken)).containsExactly(new Violation(Rule.UNPINNED_IMAGE,
                "Deployment/scatter-api", "container api: scatter/api:latest"));
    }

    @Test
    void anImageWithoutATagIsUnpinned() {
        apiContainer().put("image", "scatter/api");

        assertThat(rules()).containsExactly(Rule.UNPINNED_IMAGE);
    }

    @Test
    void anImagePinnedByDigestIsPinned() {
        apiContainer().put("image", "scatter/api@sha256:" + "a".repeat(64));

        assertThat(rules()).isEmpty();
    }

    @Test
    void aContainerWithoutAnImageMissesARequiredField() {
        apiContainer().remove("image");

        assertThat(ManifestRules.check(broken)).extracting(Violation::rule, Violation::detail)
                .containsExactly(tuple(Rule.MISSING_FIELD, "container api: image"));
    }

    @Test
    void aServiceWithoutPortsMissesARequiredField() {
        spec("Service", "jaeger").remove("ports");

        assertThat(ManifestRules.check(broken)).containsExactly(
                new Violation(Rule.MISSING_FIELD, "Service/jaeger", "spec.ports"));
    }

    @Test
    void aMissingReadinessProbeIsReported() {
        workerContainer().remove("readinessProbe");

        assertThat(ManifestRules.check(broken)).containsExactly(new Violation(Rule.MISSING_PROBE,
                "Deployment/scatter-worker", "container worker: readinessProbe"));
    }

    @Test
    void aMissingLivenessProbeIsReported() {
        Map<String, Object> rabbitmq = Yaml.map(Yaml.list(Yaml.path(broken.find("StatefulSet", "rabbitmq"), "spec",
                "template", "spec", "containers")).get(0));
        rabbitmq.remove("livenessProbe");

        assertThat(rules()).containsExactly(Rule.MISSING_PROBE);
    }

    @Test
    void aContainerWithoutLimitsIsReported() {
        Yaml.map(workerContainer().get("resources")).remove("limits");

        assertThat(rules()).containsExactly(Rule.MISSING_RESOURCES);
    }

    @Test
    void anUnknownFieldInAContainerIsReportedWithItsPath() {
        apiContainer().put("imagePullPolcy", "Always");

        assertThat(ManifestRules.check(broken)).containsExactly(new Violation(Rule.UNKNOWN_FIELD,
                "Deployment/scatter-api", "spec.template.spec.containers[0].imagePullPolcy"));
    }

    @Test
    void anUnknownFieldDeepInAProbeIsReported() {
        Yaml.map(Yaml.map(apiContainer().get("readinessProbe")).get("httpGet")).put("paht", "/");

        assertThat(rules()).containsExactly(Rule.UNKNOWN_FIELD);
    }

    @Test
    void aSecretWithLiteralStringDataIsReported() {
        Map<String, Object> secret = new LinkedHashMap<>();
        secret.put("apiVersion", "v1");
        secret.put("kind", "Secret");
        secret.put("metadata", new LinkedHashMap<>(Map.of("name", "leaked", "namespace", "scatter")));
        secret.put("stringData", new LinkedHashMap<>(Map.of("password", "hunter2")));

        assertThat(ManifestRules.check(broken.with(List.of(secret)))).containsExactly(
                new Violation(Rule.LITERAL_SECRET, "Secret/leaked",
                        "data or stringData in a manifest; use a secretGenerator file"));
    }

    @Test
    void aSecretGeneratedFromLiteralsInGitIsReported() {
        Rendering literal = KustomizeRenderer.render(Path.of("src/test/resources/kustomize/literal-secret"));

        assertThat(ManifestRules.check(literal)).extracting(Violation::rule, Violation::resource)
                .contains(tuple(Rule.LITERAL_SECRET, "Secret/leaked"));
    }

    @Test
    void aSecretFromAGeneratorMayCarryItsData() {
        broken.find("Secret", "postgres-credentials").put("data", new LinkedHashMap<>(Map.of("k", "dg==")));

        assertThat(broken.generatedSecrets()).contains("postgres-credentials");
        assertThat(rules()).isEmpty();
    }

    @Test
    void aServiceSelectorMatchingNoPodIsReported() {
        spec("Service", "scatter-api").put("selector", new LinkedHashMap<>(Map.of("app.kubernetes.io/name", "api")));

        assertThat(ManifestRules.check(broken)).containsExactly(new Violation(Rule.UNMATCHED_SELECTOR,
                "Service/scatter-api", "spec.selector {app.kubernetes.io/name=api}"));
    }

    @Test
    void aDeploymentWhoseSelectorMissesItsOwnTemplateIsReported() {
        Yaml.map(Yaml.path(broken.find("Deployment", "jaeger"), "spec", "selector"))
                .put("matchLabels", new LinkedHashMap<>(Map.of("app.kubernetes.io/name", "scatter-api")));

        assertThat(rules()).containsExactly(Rule.UNMATCHED_SELECTOR);
    }

    @Test
    void aDisruptionBudgetMatchingNoPodIsReported() {
        Yaml.map(Yaml.path(broken.find("PodDisruptionBudget", "rabbitmq"), "spec", "selector"))
                .put("matchLabels", new LinkedHashMap<>(Map.of("app.kubernetes.io/name", "rabbit")));

        assertThat(rules()).containsExactly(Rule.UNMATCHED_SELECTOR);
    }

    @Test
    void aNetworkPolicyPeerMatchingNoPodIsReported() {
        Map<String, Object> rule = Yaml.map(Yaml.list(spec("NetworkPolicy", "postgres-ingress").get("ingress")).get(0));
        Map<String, Object> peer = Yaml.map(Yaml.list(rule.get("from")).get(0));
        peer.put("podSelector", new LinkedHashMap<>(Map.of("matchLabels", Map.of("app.kubernetes.io/name", "apy"))));

        assertThat(ManifestRules.check(broken)).containsExactly(new Violation(Rule.UNMATCHED_SELECTOR,
                "NetworkPolicy/postgres-ingress", "a peer's podSelector matches no pod template"));
    }

    @Test
    void aScaledObjectTargetingNoDeploymentIsReported() {
        Yaml.map(spec("ScaledObject", "scatter-worker").get("scaleTargetRef")).put("name", "workers");

        assertThat(ManifestRules.check(broken)).containsExactly(new Violation(Rule.UNMATCHED_SELECTOR,
                "ScaledObject/scatter-worker", "scaleTargetRef Deployment workers is not rendered"));
    }

    @Test
    void anHpaTargetingAStatefulSetOfTheWorkersNameIsReported() {
        Rendering withHpa = broken.with(Yaml.readAll(Manifests.ROOT.resolve("hpa/worker-hpa.yaml")));
        Yaml.map(Yaml.path(withHpa.find("HorizontalPodAutoscaler", "scatter-worker"), "spec", "scaleTargetRef"))
                .put("kind", "StatefulSet");

        assertThat(ManifestRules.check(withHpa)).containsExactly(new Violation(Rule.UNMATCHED_SELECTOR,
                "HorizontalPodAutoscaler/scatter-worker", "scaleTargetRef StatefulSet scatter-worker is not rendered"));
    }

    @Test
    void anIngressToAServiceThatIsNotRenderedIsReported() {
        Map<String, Object> rule = Yaml.map(Yaml.list(spec("Ingress", "scatter-api").get("rules")).get(0));
        Map<String, Object> path = Yaml.map(Yaml.list(Yaml.path(rule, "http", "paths")).get(0));
        Yaml.map(Yaml.path(path, "backend", "service")).put("name", "api");

        assertThat(ManifestRules.check(broken)).containsExactly(new Violation(Rule.UNMATCHED_SELECTOR,
                "Ingress/scatter-api", "backend Service api is not rendered"));
    }

    @Test
    void theUnbrokenBaseBreaksNoRule() {
        assertThat(ManifestRules.check(broken)).isEmpty();
    }

    private List<Rule> rules() {
        return ManifestRules.check(broken).stream().map(Violation::rule).toList();
    }

    private Map<String, Object> spec(String kind, String name) {
        return Yaml.map(broken.find(kind, name).get("spec"));
    }

    private Map<String, Object> apiContainer() {
        return container("scatter-api");
    }

    private Map<String, Object> workerContainer() {
        return container("scatter-worker");
    }

    private Map<String, Object> container(String deployment) {
        return Yaml.map(Yaml.list(Yaml.path(spec("Deployment", deployment), "template", "spec", "containers")).get(0));
    }
}
