package io.scatter.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A job described on the command line: its type, input and options, and which flag set each field, so that an error
 * about a field (e.g. {@code input.from}) can name the flag to fix (e.g. {@code --from}).
 *
 * @param flags the flag that set each field, by dotted field name, e.g. {@code input.from → --from}
 */
record JobRequest(String type, ObjectNode input, ObjectNode options, Map<String, String> flags) {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    /** The body of {@code POST /api/v1/jobs}. */
    ObjectNode body(ObjectMapper json) {
        ObjectNode body = json.createObjectNode();
        body.put("type", type);
        body.set("input", input);
        body.set("options", options);
        return body;
    }

    /** The input as plain Java values, as job types take it. */
    Map<String, Object> inputMap(ObjectMapper json) {
        return json.convertValue(input, MAP);
    }

    /** The options as plain Java values, as job types take it. */
    Map<String, Object> optionsMap(ObjectMapper json) {
        return json.convertValue(options, MAP);
    }

    /**
     * {@code message} about {@code field} prefixed by the flag that set the field (or would set it), e.g.
     * {@code --from: input.from (5) must not be greater than input.to (1)}; unchanged for other fields.
     */
    String explain(String field, String message) {
        String flag = flagFor(field);
        return flag == null ? message : flag + ": " + message;
    }

    /**
     * The flag behind a dotted field name (list indexes ignored, {@code input.expressions[3]} is
     * {@code input.expressions}): the one that set it, else {@code --KEY} for input.KEY and options.KEY.
     */
    String flagFor(String field) {
        if (field == null) {
            return null;
        }
        String path = field.replaceAll("\\[\\d+]", "");
        for (String prefix = path; prefix.contains("."); prefix = prefix.substring(0, prefix.lastIndexOf('.'))) {
            if (flags.containsKey(prefix)) {
                return flags.get(prefix);
            }
        }
        for (String section : new String[]{"input.", "options."}) {
            if (path.startsWith(section) && path.length() > section.length()) {
                String key = path.substring(section.length());
                return "--" + (key.contains(".") ? key.substring(0, key.indexOf('.')) : key);
            }
        }
        return null;
    }
}
