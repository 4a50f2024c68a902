package io.scatter.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The job on the command line of {@code run} and {@code submit}: {@code TYPE}, then {@code --from}/{@code --to} and
 * any other {@code --KEY VALUE} into the input (an integer when the value reads as one, else a string),
 * {@code --input JSON} as a starting input, and {@code --algorithm}/{@code --tasks} into the options. Nothing here
 * knows any job type: the type checks what it gets.
 *
 * <p>Picocli leaves the words it does not know (the type and the {@code --KEY VALUE} pairs) in {@link #words}; the
 * command line must let unknown options through as positional parameters.
 */
final class JobArguments {

    @Option(names = "--from", paramLabel = "N", description = "input.from, an integer (prime-count: the first number)")
    String from;

    @Option(names = "--to", paramLabel = "N", description = "input.to, an integer (prime-count: the last number)")
    String to;

    @Option(names = "--algorithm", paramLabel = "NAME",
            description = "options.algorithm (prime-count: sieve, the default, or trial-division)")
    String algorithm;

    @Option(names = "--tasks", paramLabel = "N",
            description = "options.tasks: how many tasks to split the job into (default: the job type decides)")
    String tasks;

    @Option(names = "--option", paramLabel = "KEY=VALUE",
            description = "sets options.KEY, e.g. --option seed=7 (an integer when VALUE reads as one, else a string)")
    Map<String, String> otherOptions = new LinkedHashMap<>();

    @Option(names = "--input", paramLabel = "JSON",
            description = "the input as a JSON object, e.g. '{\"from\":0,\"to\":100}'; flags are added to it")
    String input;

    @Parameters(paramLabel = "TYPE", arity = "0..*", hideParamSyntax = true,
            description = {"the job type: prime-count, expression, pi-estimate, or any other on the classpath",
                    "--KEY VALUE: any other flag sets input.KEY (an integer when VALUE reads as one, else a string)"})
    List<String> words = new ArrayList<>();

    /** The job these arguments describe; a usage error naming the flag when they do not describe one. */
    JobRequest request(ObjectMapper json, String example) throws UsageException {
        Map<String, String> flags = new LinkedHashMap<>();
        ObjectNode inputNode = startingInput(json, flags);
        if (from != null) {
            set(inputNode, flags, "from", Integers.node(Integers.require("--from", from)), "--from");
        }
        if (to != null) {
            set(inputNode, flags, "to", Integers.node(Integers.require("--to", to)), "--to");
        }
        ObjectNode optionsNode = json.createObjectNode();
        if (algorithm != null) {
            optionsNode.put("algorithm", algorithm);
            flags.put("options.algorithm", "--algorithm");
        }
        if (tasks != null) {
            optionsNode.set("tasks", Integers.node(Integers.require("--tasks", tasks)));
            flags.put("options.tasks", "--tasks");
        }
        for (Map.Entry<String, String> option : otherOptions.entrySet()) {
            if (option.getKey().isBlank()) {
                throw new UsageException("--option needs KEY=VALUE, e.g. --option seed=7");
            }
            if (optionsNode.has(option.getKey())) {
                throw new UsageException("--option " + option.getKey() + " repeats --" + option.getKey());
            }
            optionsNode.set(option.getKey(), value(option.getValue()));
            flags.put("options." + option.getKey(), "--option");
        }
        String type = null;
        Map<String, String> seen = new LinkedHashMap<>();
        for (Iterator<String> word = words.iterator(); word.hasNext(); ) {
            String text = word.next();
            if (text.startsWith("--")) {
                String[] pair = pair(text, word);
                if (seen.put(pair[0], pair[1]) != null) {
                    throw new UsageException("--" + pair[0] + " is given more than once");
                }
                set(inputNode, flags, pair[0], value(pair[1]), "--" + pair[0]);
            } else if (text.startsWith("-") && Integers.parse(text) == null) {
                throw new UsageException("unknown option '" + text + "'");
            } else if (type == null) {
                type = text;
            } else {
                throw new UsageException("unexpected argument '" + text + "' after the job type " + type);
            }
        }
        if (type == null) {
            throw new UsageException("missing job type, e.g. '" + example + "'");
        }
        return new JobRequest(type, inputNode, optionsNode, flags);
    }

    private ObjectNode startingInput(ObjectMapper json, Map<String, String> flags) throws UsageException {
        if (input == null) {
            return json.createObjectNode();
        }
        try {
            JsonNode parsed = json.readTree(input);
            if (parsed instanceof ObjectNode object) {
                object.fieldNames().forEachRemaining(key -> flags.put("input." + key, "--input"));
                return object;
            }
        } catch (JsonProcessingException e) {
            throw new UsageException("--input must be a JSON object: "
                    + e.getOriginalMessage().replaceAll("\\s+", " "));
        }
        throw new UsageException("--input must be a JSON object, e.g. '{\"from\":0,\"to\":100}'");
    }

    /** {@code --KEY=VALUE} or {@code --KEY VALUE} (taking the next word) as {KEY, VALUE}. */
    private static String[] pair(String text, Iterator<String> words) throws UsageException {
        int equals = text.indexOf('=');
        String key = equals > 0 ? text.substring(2, equals) : text.substring(2);
        if (key.isEmpty()) {
            throw new UsageException("an option needs a name after '--'");
        }
        if (equals > 0) {
            return new String[]{key, text.substring(equals + 1)};
        }
        if (!words.hasNext()) {
            throw new UsageException("--" + key + " needs a value");
        }
        String value = words.next();
        if (value.startsWith("--")) {
            throw new UsageException("--" + key + " needs a value, got " + value);
        }
        return new String[]{key, value};
    }

    private static void set(ObjectNode input, Map<String, String> flags, String key, JsonNode value, String flag) {
        input.set(key, value);
        flags.put("input." + key, flag);
    }

    private static JsonNode value(String text) {
        BigInteger integer = Integers.parse(text);
        return integer != null ? Integers.node(integer) : JsonNodeFactory.instance.textNode(text);
    }
}
