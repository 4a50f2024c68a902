package io.scatter.k8s;

/** One broken rule: which, in which resource, and what is wrong. */
record Violation(Rule rule, String resource, String detail) {

    /** The rules {@link ManifestRules} checks. */
    enum Rule {
        UNKNOWN_FIELD,
        MISSING_FIELD,
        UNPINNED_IMAGE,
        MISSING_RESOURCES,
        MISSING_PROBE,
        LITERAL_SECRET,
        UNMATCHED_SELECTOR
    }

    @Override
    public String toString() {
        return rule + " " + resource + ": " + detail;
    }
}
