package io.scatter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/** Turns an error answer of the API (RFC 9457 problem details, or anything else) into one line for the user. */
final class Problems {

    private static final int MAX_LENGTH = 300;

    private Problems() {
    }

    /**
     * For a 4xx, the problem's {@code detail} prefixed by its {@code field} (else its title, else the body); for a 5xx,
     * the same after saying the API failed.
     */
    static String describe(int status, String body, ObjectMapper json) {
        String summary = summary(body, json);
        if (status >= 500) {
            return oneLine("the Scatter API failed with HTTP " + status + (summary.isEmpty() ? "" : ": " + summary));
        }
        JsonNode problem = parse(body, json);
        if (text(problem, "detail") != null) {
            return summary;
        }
        return oneLine("HTTP " + status + (summary.isEmpty() ? "" : ": " + summary));
    }

    /** The problem's {@code field} member (e.g. {@code input.from}), or null when it names none. */
    static String field(String body, ObjectMapper json) {
        return text(parse(body, json), "field");
    }

    private static String summary(String body, ObjectMapper json) {
        JsonNode problem = parse(body, json);
        String detail = text(problem, "detail");
        String field = text(problem, "field");
        if (detail != null) {
            return oneLine(field == null || detail.startsWith(field) ? detail : field + ": " + detail);
        }
        String title = text(problem, "title");
        if (title != null) {
            return oneLine(title);
        }
        return body == null || body.trim().startsWith("<") ? "" : oneLine(body);
    }

    private static JsonNode parse(String body, ObjectMapper json) {
        if (body == null || body.isBlank()) {
            return json.missingNode();
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return json.missingNode();
        }
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.path(name);
        return value.isValueNode() && !value.asText().isBlank() ? value.asText() : null;
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").trim();
        return line.length() > MAX_LENGTH ? line.substring(0, MAX_LENGTH - 1) + "…" : line;
    }
}
