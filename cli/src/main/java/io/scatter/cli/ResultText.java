package io.scatter.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;

/** A job's result as the one line a command prints on stdout. */
final class ResultText {

    private ResultText() {
    }

    /** A result with one field as its bare value (e.g. {@code 78498}), any other result as compact JSON. */
    static String of(JsonNode result) {
        if (result.isObject() && result.size() == 1) {
            Iterator<JsonNode> values = result.elements();
            JsonNode value = values.next();
            return value.isTextual() ? value.asText() : value.toString();
        }
        return result.isMissingNode() || result.isNull() ? "{}" : result.toString();
    }
}
