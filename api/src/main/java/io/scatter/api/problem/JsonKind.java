package io.scatter.api.problem;

import tools.jackson.databind.JsonNode;

import java.util.Locale;

/** What a JSON value is, in the words a 400 answer uses: "an array", "a string", "null"… */
public final class JsonKind {

    private JsonKind() {
    }

    /** E.g. {@code an object} for {@code {}}, {@code a number} for {@code 1}. */
    public static String of(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
