package io.scatter.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a kustomization renders to: its documents, and the names of the Secrets its generators made. */
record Rendering(List<Map<String, Object>> documents, Set<String> generatedSecrets) {

    Rendering {
        documents = new ArrayList<>(documents);
        generatedSecrets = Set.copyOf(generatedSecrets);
    }

    /** A deep copy whose documents a test may change without touching this one. */
    Rendering copy() {
        List<Map<String, Object>> copies = new ArrayList<>();
        for (Map<String, Object> document : documents) {
            copies.add(Yaml.deepCopy(document));
        }
        return new Rendering(copies, generatedSecrets);
    }

    /** The document of this kind and name. */
    Map<String, Object> find(String kind, String name) {
        return documents.stream()
                .filter(d -> kind.equals(d.get("kind")) && name.equals(Yaml.path(d, "metadata", "name")))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + kind + " " + name));
    }

    /** This rendering with more documents, e.g. a file applied beside an overlay. */
    Rendering with(List<Map<String, Object>> more) {
        List<Map<String, Object>> all = new ArrayList<>(documents);
        all.addAll(more);
        return new Rendering(all, generatedSecrets);
    }
}
