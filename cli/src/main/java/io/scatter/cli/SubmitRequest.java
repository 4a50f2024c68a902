package io.scatter.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigInteger;
import java.util.Map;

/**
 * The body of {@code POST /api/v1/jobs} built from the arguments of {@code submit}: {@code --algorithm} and
 * {@code --tasks} go to the options, {@code --input} is the whole input, and any other {@code --key value} sets
 * {@code input.key} (an integer when it reads as one, else a string).
 */
final class SubmitRequest {

    private SubmitRequest() {
    }

    /** Takes the job's type, input and options out of {@code arguments}. */
    static ObjectNode from(Arguments arguments, ObjectMapper json) throws UsageException {
        String type = arguments.requirePositional("job type, e.g. 'submit prime-count --from 0 --to 1000000'");
        ObjectNode body = json.createObjectNode();
        body.put("type", type);
        ObjectNode input = initialInput(arguments.take("--input"), json);
        Long from = arguments.takeInteger("--from", Long.MIN_VALUE, Long.MAX_VALUE);
        Long to = arguments.takeInteger("--to", Long.MIN_VALUE, Long.MAX_VALUE);
        if (from != null) {
            input.put("from", from);
        }
        if (to != null) {
            input.put("to", to);
        }
        ObjectNode options = json.createObjectNode();
        String algorithm = arguments.take("--algorithm");
        if (algorithm != null) {
            options.put("algorithm", algorithm);
        }
        Long tasks = arguments.takeInteger("--tasks", 1, Integer.MAX_VALUE);
        if (tasks != null) {
            options.put("tasks", tasks);
        }
        for (Map.Entry<String, String> option : arguments.takeRemainingOptions().entrySet()) {
            input.set(option.getKey().substring(2), value(option.getValue(), json));
        }
        body.set("input", input);
        body.set("options", options);
        return body;
    }

    private static ObjectNode initialInput(String text, ObjectMapper json) throws UsageException {
        if (text == null) {
            return json.createObjectNode();
        }
        try {
            JsonNode parsed = json.readTree(text);
            if (parsed instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            throw new UsageException("--input must be a JSON object: "
                    + e.getOriginalMessage().replaceAll("\\s+", " "));
        }
        throw new UsageException("--input must be a JSON object, e.g. '{\"from\":0,\"to\":100}'");
    }

    private static JsonNode value(String text, ObjectMapper json) {
        BigInteger integer = Arguments.integer(text);
        if (integer == null) {
            return json.getNodeFactory().textNode(text);
        }
        return integer.bitLength() < Long.SIZE
                ? json.getNodeFactory().numberNode(integer.longValue())
                : json.getNodeFactory().numberNode(integer);
    }
}
