package io.scatter.k8s;

import java.nio.file.Path;

/** Where the repository's Kubernetes manifests are, seen from this module. */
final class Manifests {

    static final Path ROOT = Path.of("..", "deploy", "k8s");

    private Manifests() {
    }

    static Rendering base() {
        return KustomizeRenderer.render(ROOT.resolve("base"));
    }

    static Rendering overlay(String name) {
        return KustomizeRenderer.render(ROOT.resolve("overlays").resolve(name));
    }
}
