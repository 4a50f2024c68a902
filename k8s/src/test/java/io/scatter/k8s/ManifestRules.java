package io.scatter.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.scatter.k8s.Violation.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** Checks rendered manifests against the typed Kubernetes model and Scatter's deployment rules; returns what is broken. */
final class ManifestRules {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final List<HasMetadata> resources = new ArrayList<>();
    private final Rendering rendering;
    private final List<Violation> violations = new ArrayList<>();

    private ManifestRules(Rendering rendering) {
        this.rendering = rendering;
        for (Map<String, Object> document : rendering.documents()) {
            resources.add(SERIALIZATION.unmarshal(SERIALIZATION.asJson(document)));
        }
    }

    static List<Violation> check(Rendering rendering) {
        ManifestRules rules = new ManifestRules(rendering);
        for (HasMetadata resource : rules.resources) {
            rules.checkUnknownFields(resource);
            rules.checkRequiredFields(resource);
            rules.checkSecret(resource);
            rules.checkSelectors(resource);
            template(resource).ifPresent(template -> rules.checkContainers(resource, template));
        }
        return List.copyOf(rules.violations);
    }

    private void checkUnknownFields(HasMetadata resource) {
        if (!(resource instanceof GenericKubernetesResource)) {
            UnknownFields.in(resource).forEach(path -> report(Rule.UNKNOWN_FIELD, resource, path));
        }
    }

    private void checkRequiredFields(HasMetadata resource) {
        if (resource.getMetadata() == null || blank(resource.getMetadata().getName())) {
            report(Rule.MISSING_FIELD, resource, "metadata.name");
        }
        if (resource instanceof Service service && !"ExternalName".equals(service.getSpec().getType())) {
            if (service.getSpec().getSelector() == null || service.getSpec().getSelector().isEmpty()) {
                report(Rule.MISSING_FIELD, resource, "spec.selector");
            }
            if (service.getSpec().getPorts() == null || service.getSpec().getPorts().isEmpty()) {
                report(Rule.MISSING_FIELD, resource, "spec.ports");
            }
        }
        if (resource instanceof StatefulSet set && blank(set.getSpec().getServiceName())) {
            report(Rule.MISSING_FIELD, resource, "spec.serviceName");
        }
        if (isWorkload(resource) && workloadSelector(resource) == null) {
            report(Rule.MISSING_FIELD, resource, "spec.selector");
        }
        if (isWorkload(resource) && template(resource).isEmpty()) {
            report(Rule.MISSING_FIELD, resource, "spec.template");
        }
    }

    private void checkContainers(HasMetadata resource, PodTemplateSpec template) {
        List<Container> containers = template.getSpec() == null || template.getSpec().getContainers() == null
                ? List.of() : template.getSpec().getContainers();
        if (containers.isEmpty()) {
            report(Rule.MISSING_FIELD, resource, "spec.template.spec.containers");
        }
        for (Container container : containers) {
            String where = "container " + container.getName();
            if (blank(container.getName())) {
                report(Rule.MISSING_FIELD, resource, "a container's name");
            }
            if (blank(container.getImage())) {
                report(Rule.MISSING_FIELD, resource, where + ": image");
            } else {
                ImageReference image = ImageReference.parse(container.getImage());
                if (image.digest() == null && (image.tag() == null || image.tag().equals("latest"))) {
                    report(Rule.UNPINNED_IMAGE, resource, where + ": " + container.getImage());
                }
            }
            ResourceRequirements requirements = container.getResources();
            if (requirements == null || empty(requirements.getRequests()) || empty(requirements.getLimits())) {
                report(Rule.MISSING_RESOURCES, resource, where + ": needs resources.requests and resources.limits");
            }
            if (container.getReadinessProbe() == null) {
                report(Rule.MISSING_PROBE, resource, where + ": readinessProbe");
            }
            if (container.getLivenessProbe() == null) {
                report(Rule.MISSING_PROBE, resource, where + ": livenessProbe");
            }
        }
    }

    private void checkSecret(HasMetadata resource) {
        if (resource instanceof Secret secret
                && (!empty(secret.getData()) || !empty(secret.getStringData()))
                && !rendering.generatedSecrets().contains(secret.getMetadata().getName())) {
            report(Rule.LITERAL_SECRET, resource, "data or stringData in a manifest; use a secretGenerator file");
        }
    }

    private void checkSelectors(HasMetadata resource) {
        if (resource instanceof Service service && !empty(service.getSpec().getSelector())
                && templates().noneMatch(t -> LabelSelectors.matches(service.getSpec().getSelector(), labels(t)))) {
            report(Rule.UNMATCHED_SELECTOR, resource, "spec.selector " + service.getSpec().getSelector());
        }
        LabelSelector own = isWorkload(resource) ? workloadSelector(resource) : null;
        if (own != null && template(resource).filter(t -> LabelSelectors.matches(own, labels(t))).isEmpty()) {
            report(Rule.UNMATCHED_SELECTOR, resource, "spec.selector does not match its own pod template");
        }
        if (resource instanceof PodDisruptionBudget budget) {
            requireMatch(resource, "spec.selector", budget.getSpec().getSelector());
        }
        if (resource instanceof NetworkPolicy policy) {
            requireMatch(resource, "spec.podSelector", policy.getSpec().getPodSelector());
            Stream.concat(
                            nullSafe(policy.getSpec().getIngress()).stream().flatMap(r -> nullSafe(r.getFrom()).stream()),
                            nullSafe(policy.getSpec().getEgress()).stream().flatMap(r -> nullSafe(r.getTo()).stream()))
                    .filter(peer -> peer.getPodSelector() != null && peer.getNamespaceSelector() == null)
                    .map(NetworkPolicyPeer::getPodSelector)
                    .forEach(selector -> requireMatch(resource, "a peer's podSelector", selector));
        }
        if (resource instanceof Ingress ingress) {
            nullSafe(ingress.getSpec().getRules()).stream()
                    .filter(rule -> rule.getHttp() != null)
                    .flatMap(rule -> nullSafe(rule.getHttp().getPaths()).stream())
                    .map(path -> path.getBackend().getService())
                    .filter(Objects::nonNull)
                    .filter(backend -> resources.stream().noneMatch(r -> r instanceof Service
                            && r.getMetadata().getName().equals(backend.getName())))
                    .forEach(backend -> report(Rule.UNMATCHED_SELECTOR, resource,
                            "backend Service " + backend.getName() + " is not rendered"));
        }
        if (resource instanceof HorizontalPodAutoscaler hpa) {
            requireTarget(resource, hpa.getSpec().getScaleTargetRef().getKind(),
                    hpa.getSpec().getScaleTargetRef().getName());
        }
        if (resource instanceof GenericKubernetesResource generic && "ScaledObject".equals(generic.getKind())) {
            Map<String, Object> target = Yaml.map(generic.getAdditionalProperties().get("spec"));
            Map<String, Object> ref = Yaml.map(target.get("scaleTargetRef"));
            requireTarget(resource, (String) ref.getOrDefault("kind", "Deployment"), (String) ref.get("name"));
        }
    }

    private void requireMatch(HasMetadata resource, String field, LabelSelector selector) {
        if (selector == null) {
            report(Rule.MISSING_FIELD, resource, field);
        } else if (templates().noneMatch(t -> LabelSelectors.matches(selector, labels(t)))) {
            report(Rule.UNMATCHED_SELECTOR, resource, field + " matches no pod template");
        }
    }

    private void requireTarget(HasMetadata resource, String kind, String name) {
        boolean found = resources.stream().anyMatch(r -> isWorkload(r) && r.getKind().equals(kind)
                && Objects.equals(r.getMetadata().getName(), name));
        if (!found) {
            report(Rule.UNMATCHED_SELECTOR, resource, "scaleTargetRef " + kind + " " + name + " is not rendered");
        }
    }

    private Stream<PodTemplateSpec> templates() {
        return resources.stream().map(ManifestRules::template).flatMap(Optional::stream);
    }

    private static Optional<PodTemplateSpec> template(HasMetadata resource) {
        PodTemplateSpec template = null;
        if (resource instanceof Deployment deployment && deployment.getSpec() != null) {
            template = deployment.getSpec().getTemplate();
        } else if (resource instanceof StatefulSet set && set.getSpec() != null) {
            template = set.getSpec().getTemplate();
        } else if (resource instanceof DaemonSet set && set.getSpec() != null) {
            template = set.getSpec().getTemplate();
        }
        return Optional.ofNullable(template);
    }

    private static LabelSelector workloadSelector(HasMetadata resource) {
        if (resource instanceof Deployment deployment && deployment.getSpec() != null) {
            return deployment.getSpec().getSelector();
        }
        if (resource instanceof StatefulSet set && set.getSpec() != null) {
            return set.getSpec().getSelector();
        }
        if (resource instanceof DaemonSet set && set.getSpec() != null) {
            return set.getSpec().getSelector();
        }
        return null;
    }

    private static boolean isWorkload(HasMetadata resource) {
        return resource instanceof Deployment || resource instanceof StatefulSet || resource instanceof DaemonSet;
    }

    private static Map<String, String> labels(PodTemplateSpec template) {
        return template.getMetadata() == null ? Map.of() : template.getMetadata().getLabels();
    }

    private void report(Rule rule, HasMetadata resource, String detail) {
        String name = resource.getMetadata() == null ? "?" : resource.getMetadata().getName();
        violations.add(new Violation(rule, resource.getKind() + "/" + name, detail));
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static boolean empty(Map<?, ?> map) {
        return map == null || map.isEmpty();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
