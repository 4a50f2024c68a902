package io.scatter.k8s;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Renders the subset of Kustomize that deploy/k8s uses, and refuses the rest: resources (files and directories),
 * secretGenerator, patches by path that merge maps and merge lists by name, images and namespace.
 */
final class KustomizeRenderer {

    private KustomizeRenderer() {
    }

    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "namespace", "resources",
            "generatorOptions", "secretGenerator", "patches", "images");

    static Rendering render(Path directory) {
        Map<String, Object> kustomization = Yaml.read(directory.resolve("kustomization.yaml"));
        Set<String> unsupported = new HashSet<>(kustomization.keySet());
        unsupported.removeAll(SUPPORTED);
        if (!unsupported.isEmpty()) {
            throw new IllegalArgumentException(directory + ": unsupported kustomization fields " + unsupported);
        }
        List<Map<String, Object>> documents = new ArrayList<>();
        Set<String> generated = new HashSet<>();
        for (Object resource : Yaml.list(kustomization.get("resources"))) {
            Path path = directory.resolve((String) resource).normalize();
            if (Files.isDirectory(path)) {
                Rendering nested = render(path);
                documents.addAll(nested.documents());
                generated.addAll(nested.generatedSecrets());
            } else {
                documents.addAll(Yaml.readAll(path));
            }
        }
        for (Object generator : Yaml.list(kustomization.get("secretGenerator"))) {
            Map<String, Object> fields = Yaml.map(generator);
            String name = (String) fields.get("name");
            Map<String, Object> secret = generatedSecret(name);
            if (fields.containsKey("literals")) {
                secret.put("data", literals(Yaml.list(fields.get("literals"))));
            } else {
                generated.add(name);
            }
            documents.add(secret);
        }
        for (Object patch : Yaml.list(kustomization.get("patches"))) {
            Object path = Yaml.map(patch).get("path");
            if (path == null) {
                throw new IllegalArgumentException("only patches with a path are supported: " + patch);
            }
            for (Map<String, Object> partial : Yaml.readAll(directory.resolve((String) path))) {
                merge(target(documents, partial), partial);
            }
        }
        for (Object image : Yaml.list(kustomization.get("images"))) {
            documents.forEach(document -> replaceImage(document, Yaml.map(image)));
        }
        Object namespace = kustomization.get("namespace");
        if (namespace != null) {
            documents.stream()
                    .filter(d -> !"Namespace".equals(d.get("kind")))
                    .forEach(d -> metadata(d).put("namespace", namespace));
        }
        return new Rendering(documents, generated);
    }

    /** The Secret a generator makes, without its values: they come from git-ignored files a test does not read. */
    private static Map<String, Object> generatedSecret(String name) {
        Map<String, Object> secret = new LinkedHashMap<>();
        secret.put("apiVersion", "v1");
        secret.put("kind", "Secret");
        secret.put("metadata", new LinkedHashMap<>(Map.of("name", name)));
        secret.put("type", "Opaque");
        return secret;
    }

    /** A generator's literal values, which are in git and therefore no secret: the rules report them. */
    private static Map<String, Object> literals(List<Object> literals) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (Object literal : literals) {
            String[] keyAndValue = ((String) literal).split("=", 2);
            data.put(keyAndValue[0], Base64.getEncoder().encodeToString(
                    keyAndValue[1].getBytes(StandardCharsets.UTF_8)));
        }
        return data;
    }

    private static Map<String, Object> target(List<Map<String, Object>> documents, Map<String, Object> partial) {
        Object name = Yaml.path(partial, "metadata", "name");
        return documents.stream()
                .filter(d -> Objects.equals(d.get("kind"), partial.get("kind"))
                        && Objects.equals(Yaml.path(d, "metadata", "name"), name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "the patch's target " + partial.get("kind") + " " + name + " is not rendered"));
    }

    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> target, Map<String, Object> patch) {
        patch.forEach((key, value) -> {
            Object existing = target.get(key);
            if (existing instanceof Map<?, ?> && value instanceof Map<?, ?>) {
                merge((Map<String, Object>) existing, (Map<String, Object>) value);
            } else if (existing instanceof List<?> && value instanceof List<?> && keyed((List<Object>) value)
                    && keyed((List<Object>) existing)) {
                mergeByName((List<Object>) existing, (List<Object>) value);
            } else {
                target.put(key, Yaml.deepCopy(value));
            }
        });
    }

    private static boolean keyed(List<Object> list) {
        return !list.isEmpty() && list.stream().allMatch(e -> name(e) != null);
    }

    /** A list element's merge key: its name, or its metadata's (volumeClaimTemplates). */
    private static Object name(Object element) {
        if (!(element instanceof Map<?, ?> map)) {
            return null;
        }
        Object name = Yaml.map(element).get("name");
        return name != null ? name : Yaml.path(Yaml.map(map), "metadata", "name");
    }

    @SuppressWarnings("unchecked")
    private static void mergeByName(List<Object> target, List<Object> patch) {
        for (Object element : patch) {
            Object match = target.stream().filter(e -> Objects.equals(name(e), name(element))).findFirst().orElse(null);
            if (match == null) {
                target.add(Yaml.deepCopy(element));
            } else {
                merge((Map<String, Object>) match, (Map<String, Object>) element);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void replaceImage(Object node, Map<String, Object> image) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> fields = (Map<String, Object>) map;
            if (fields.get("image") instanceof String reference
                    && ImageReference.parse(reference).name().equals(image.get("name"))) {
                ImageReference old = ImageReference.parse(reference);
                String name = (String) image.getOrDefault("newName", old.name());
                Object tag = image.containsKey("newTag") ? image.get("newTag") : old.tag();
                fields.put("image", tag == null ? name : name + ":" + tag);
            }
            fields.values().forEach(v -> replaceImage(v, image));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> replaceImage(v, image));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metadata(Map<String, Object> document) {
        return (Map<String, Object>) document.computeIfAbsent("metadata", k -> new LinkedHashMap<>());
    }
}
