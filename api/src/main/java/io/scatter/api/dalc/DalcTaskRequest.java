package io.scatter.api.dalc;

import io.scatter.api.problem.BadRequestException;
import io.scatter.api.problem.JsonKind;
import io.scatter.api.problem.Problems;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/**
 * A dalc task submission, {@code {"expression": "1 + 1"}}, read strictly from the JSON body.
 *
 * @param expression the arithmetic expression to compute; not blank
 */
record DalcTaskRequest(String expression) {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final String EXAMPLE = "{\"expression\": \"1 + 1\"}";

    /** Reads a request body, naming the offending field in a {@link BadRequestException} when it does not fit. */
    static DalcTaskRequest parse(byte[] body) {
        JsonNode root;
        try {
            root = body == null || body.length == 0 ? null : MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new BadRequestException("body", Problems.invalidJson(e));
        }
        if (root == null || root.isMissingNode()) {
            throw new BadRequestException("body", "a JSON request body is required, e.g. " + EXAMPLE);
        }
        if (!root.isObject()) {
            throw new BadRequestException("body", "the request body must be a JSON object like " + EXAMPLE + ", got "
                    + JsonKind.of(root));
        }
        for (Map.Entry<String, JsonNode> property : root.properties()) {
            if (!DalcTask.EXPRESSION.equals(property.getKey())) {
                throw new BadRequestException(property.getKey(), property.getKey()
                        + " is not a known field; expected " + DalcTask.EXPRESSION);
            }
        }
        JsonNode expression = root.get(DalcTask.EXPRESSION);
        if (expression == null || expression.isNull()) {
            throw new BadRequestException(DalcTask.EXPRESSION, "expression is required: an arithmetic expression "
                    + "such as \"1 + 1\"");
        }
        if (!expression.isString()) {
            throw new BadRequestException(DalcTask.EXPRESSION, "expression must be a string, got "
                    + JsonKind.of(expression));
        }
        if (expression.asString().isBlank()) {
            throw new BadRequestException(DalcTask.EXPRESSION, "expression must not be blank");
        }
        return new DalcTaskRequest(expression.asString());
    }
}
