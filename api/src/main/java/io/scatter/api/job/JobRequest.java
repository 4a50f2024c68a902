package io.scatter.api.job;

import io.scatter.api.problem.BadRequestException;
import io.scatter.api.problem.JsonKind;
import io.scatter.api.problem.Problems;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job submission as the client sent it, read exactly from the JSON body; the job type validates input and options.
 *
 * @param type    the job type's name, e.g. {@code prime-count}
 * @param input   what to compute, e.g. {@code {"from":0,"to":1000000}}
 * @param options how to compute it, e.g. {@code {"algorithm":"sieve","tasks":10}}; empty when not given
 */
@Schema(description = "A job to run", example = "{\"type\":\"prime-count\",\"input\":{\"from\":0,\"to\":1000000},"
        + "\"options\":{\"algorithm\":\"sieve\",\"tasks\":10}}")
public record JobRequest(
        @Schema(description = "job type name", example = "prime-count", requiredMode = Schema.RequiredMode.REQUIRED)
        String type,
        @Schema(description = "the job type's input", requiredMode = Schema.RequiredMode.REQUIRED)
        Map<String, Object> input,
        @Schema(description = "the job type's options; defaults apply to those left out")
        Map<String, Object> options) {

    private static final List<String> FIELDS = List.of("type", "input", "options");

    /** A request made in code (e.g. by a compatibility layer) with default options; the job type validates it. */
    public static JobRequest of(String type, Map<String, Object> input) {
        return new JobRequest(type, input, Map.of());
    }

    /** Reads a request body, naming the offending field in a {@link BadRequestException} when it does not fit. */
    static JobRequest parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new BadRequestException("body", "a JSON request body is required");
        }
        JsonNode root;
        try {
            root = JsonValues.parse(body);
        } catch (JacksonException e) {
            throw new BadRequestException("body", Problems.invalidJson(e));
        }
        if (root == null || root.isMissingNode()) {
            throw new BadRequestException("body", "a JSON request body is required");
        }
        if (!root.isObject()) {
            throw new BadRequestException("body", "the request body must be a JSON object, got " + JsonKind.of(root));
        }
        for (Map.Entry<String, JsonNode> property : root.properties()) {
            if (!FIELDS.contains(property.getKey())) {
                throw new BadRequestException(property.getKey(), property.getKey()
                        + " is not a known field; expected " + String.join(", ", FIELDS));
            }
        }
        return new JobRequest(type(root.get("type")), object(root.get("input"), "input", true),
                object(root.get("options"), "options", false));
    }

    /** A digest of this request that equal requests share, to recognise a repeated submission. */
    String fingerprint() {
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("type", type);
        canonical.put("input", input);
        canonical.put("options", options);
        return JsonValues.fingerprint(canonical);
    }

    private static String type(JsonNode node) {
        if (node == null || node.isNull()) {
            throw new BadRequestException("type", "type is required: the name of a job type, e.g. prime-count");
        }
        if (!node.isString()) {
            throw new BadRequestException("type", "type must be a string, got " + JsonKind.of(node));
        }
        return node.asString();
    }

    private static Map<String, Object> object(JsonNode node, String field, boolean required) {
        if (node == null || node.isNull()) {
            if (required) {
                throw new BadRequestException(field, field + " is required: a JSON object");
            }
            return Map.of();
        }
        if (!node.isObject()) {
            throw new BadRequestException(field, field + " must be a JSON object, got " + JsonKind.of(node));
        }
        return JsonValues.toMap(node);
    }
}
