package io.scatter.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KustomizeRendererTest {

    private static final Path FIXTURES = Path.of("src/test/resources/kustomize");

    private final Rendering overlay = KustomizeRenderer.render(FIXTURES.resolve("overlay"));

    @Test
    void anOverlayRendersItsBasesResourcesAndGeneratedSecrets() {
        assertThat(overlay.documents()).extracting(d -> d.get("kind") + "/" + Yaml.path(d, "metadata", "name"))
                .containsExactly("Namespace/demo", "Deployment/app", "Secret/app-credentials");
        assertThat(overlay.generatedSecrets()).containsExactly("app-credentials");
    }

    @Test
    void aGeneratedSecretCarriesNoValues() {
        Map<String, Object> secret = overlay.find("Secret", "app-credentials");

        assertThat(secret).doesNotContainKeys("data", "stringData");
    }

    @Test
    void aPatchReplacesScalarsAndAddsMaps() {
        Map<String, Object> deployment = overlay.find("Deployment", "app");

        assertThat(Yaml.path(deployment, "spec", "replicas")).isEqualTo(3);
        assertThat(Yaml.path(deployment, "spec", "template", "spec", "nodeSelector"))
                .isEqualTo(Map.of("kubernetes.io/arch", "arm64"));
        assertThat(Yaml.path(deployment, "spec", "selector", "matchLabels")).isEqualTo(Map.of("app", "demo"));
    }

    @Test
    void aPatchMergesContainersAndEnvironmentVariablesByName() {
        List<Object> containers = Yaml.list(Yaml.path(overlay.find("Deployment", "app"), "spec", "template", "spec",
                "containers"));

        assertThat(containers).hasSize(2);
        assertThat(Yaml.list(Yaml.map(containers.get(0)).get("env"))).containsExactly(
                Map.of("name", "MODE", "value", "overlay"), Map.of("name", "KEEP", "value", "kept"));
    }

    @Test
    void imagesGetTheirNewNameAndTagAndOthersStayAsTheyAre() {
        List<Object> containers = Yaml.list(Yaml.path(overlay.find("Deployment", "app"), "spec", "template", "spec",
                "containers"));

        assertThat(containers).extracting(c -> Yaml.map(c).get("image"))
                .containsExactly("registry.local/app:1.1", "example/sidecar:2.0");
    }

    @Test
    void theBasesNamespaceIsSetOnEveryResourceButTheNamespace() {
        assertThat(Yaml.path(overlay.find("Deployment", "app"), "metadata", "namespace")).isEqualTo("demo");
        assertThat(Yaml.path(overlay.find("Secret", "app-credentials"), "metadata", "namespace")).isEqualTo("demo");
        assertThat(Yaml.path(overlay.find("Namespace", "demo"), "metadata", "namespace")).isNull();
    }

    @Test
    void aPatchWhoseTargetIsNotRenderedIsAnError() {
        assertThatThrownBy(() -> KustomizeRenderer.render(FIXTURES.resolve("broken")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Deployment missing");
    }

    @Test
    void anInlinePatchIsRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> KustomizeRenderer.render(FIXTURES.resolve("inline-patch")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only patches with a path");
    }

    @Test
    void aKustomizationFieldTheRendererDoesNotKnowIsRefused() {
        assertThatThrownBy(() -> KustomizeRenderer.render(FIXTURES.resolve("components")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsupported kustomization fields [commonLabels]");
    }

    @Test
    void aSecretGeneratedFromLiteralsCarriesThemAndCountsAsNotGenerated() {
        Rendering rendering = KustomizeRenderer.render(FIXTURES.resolve("literal-secret"));

        assertThat(Yaml.path(rendering.find("Secret", "leaked"), "data", "password")).isEqualTo("aHVudGVyMg==");
        assertThat(rendering.generatedSecrets()).containsExactly("app-credentials");
    }

    @Test
    void aCopyIsIndependentOfItsOriginal() {
        Rendering copy = overlay.copy();

        KustomizeRenderer.merge(copy.find("Deployment", "app"), Map.of("spec", Map.of("replicas", 9)));

        assertThat(Yaml.path(overlay.find("Deployment", "app"), "spec", "replicas")).isEqualTo(3);
    }
}
