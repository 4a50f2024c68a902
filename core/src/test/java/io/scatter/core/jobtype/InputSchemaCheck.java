package io.scatter.core.jobtype;

import org.junit.jupiter.api.DynamicTest;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Probes a job type's {@link JobType#define} with what its {@link InputSchema} claims, one dynamic test a probe: every
 * listed field is accepted and kept at its bounds and for every choice, refused just past them, a required field is
 * needed, a default is what {@code define} fills in, and unknown keys are refused. Shared with the modules of other job
 * types through core's test jar.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> theSchemaTellsTheTruth() {
 *     return InputSchemaCheck.of(new PiEstimateJobType()).roomyInput(Map.of("samples", MAX_SAMPLES)).probes();
 * }
 * }</pre>
 */
public final class InputSchemaCheck {

    private static final String UNKNOWN_KEY = "not-a-field";

    private final JobType type;
    private final InputSchema schema;
    private Map<String, Object> roomyInput = Map.of();
    private final Map<String, Map<String, Object>> inputBesides = new HashMap<>();
    private final Map<String, IntFunction<String>> texts = new HashMap<>();

    private InputSchemaCheck(JobType type) {
        this.type = type;
        this.schema = type.inputSchema().orElseThrow(() -> new AssertionError(type.name() + " has no input schema"));
    }

    public static InputSchemaCheck of(JobType type) {
        return new InputSchemaCheck(type);
    }

    /**
     * A valid input, with every required field, in which each input field may take any value of its schema by itself
     * and each option any value of its own (e.g. prime-count's widest range): the base of every probe.
     */
    public InputSchemaCheck roomyInput(Map<String, Object> input) {
        this.roomyInput = Map.copyOf(input);
        return this;
    }

    /** The rest of the input while {@code field} is probed or left out, when not the roomy input without it. */
    public InputSchemaCheck inputBesides(String field, Map<String, Object> rest) {
        inputBesides.put(field, Map.copyOf(rest));
        return this;
    }

    /** Makes the valid texts of {@code field} (or of its items) of a given length; {@code "x"} repeated if not said. */
    public InputSchemaCheck text(String field, IntFunction<String> ofLength) {
        texts.put(field, ofLength);
        return this;
    }

    /** The probes, to return from a {@code @TestFactory}. */
    public Stream<DynamicTest> probes() {
        List<DynamicTest> probes = new ArrayList<>();
        probes.add(dynamicTest("the roomy input is accepted and define keeps no field the schema does not list",
                this::keepsListedFieldsOnly));
        for (Part part : Part.values()) {
            probes.add(refused(part, UNKNOWN_KEY, 1, "an unknown field"));
            for (InputField field : part.fields(schema)) {
                probes.addAll(probes(part, field));
            }
        }
        return probes.stream();
    }

    private List<DynamicTest> probes(Part part, InputField field) {
        List<DynamicTest> probes = new ArrayList<>();
        String path = part.path(field.name());
        if (field.isRequired()) {
            probes.add(dynamicTest(path + " is required", () -> assertRefused(path, () -> define(part, field.name(),
                    null))));
        }
        Object defaultValue = defaultOf(field);
        if (defaultValue != null) {
            probes.add(dynamicTest(path + " defaults to " + defaultValue, () -> {
                JobDefinition job = define(part, field.name(), null);
                assertSameValue(path, part.of(job).get(field.name()), defaultValue);
            }));
        }
        if (field instanceof IntegerField integer) {
            BigInteger min = BigInteger.valueOf(integer.minimum());
            BigInteger max = BigInteger.valueOf(integer.maximum());
            probes.add(accepted(part, field, number(min), "its minimum"));
            probes.add(accepted(part, field, number(max), "its maximum"));
            probes.add(refused(part, field.name(), number(min.subtract(BigInteger.ONE)), "one below its minimum"));
            probes.add(refused(part, field.name(), number(max.add(BigInteger.ONE)), "one above its maximum"));
            probes.add(refused(part, field.name(), min.toString(), "its minimum as a string"));
        } else if (field instanceof StringField string) {
            if (string.maxLength() == Integer.MAX_VALUE) {
                probes.add(accepted(part, field, text(field, 1), "a text of 1 character"));
            } else {
                probes.add(accepted(part, field, text(field, string.maxLength()), "a text of its maxLength"));
                probes.add(refused(part, field.name(), text(field, string.maxLength() + 1),
                        "a text one longer than its maxLength"));
            }
        } else if (field instanceof ChoiceField choice) {
            for (String value : choice.choices()) {
                probes.add(accepted(part, field, value, "\"" + value + "\""));
            }
            probes.add(refused(part, field.name(), "no-such-choice", "a value not in its enum"));
        } else if (field instanceof StringListField list) {
            probes.addAll(listProbes(part, list));
        } else if (field instanceof BooleanField) {
            probes.add(accepted(part, field, true, "true"));
            probes.add(accepted(part, field, false, "false"));
        } else {
            fail("no probes for " + field);
        }
        return probes;
    }

    private List<DynamicTest> listProbes(Part part, StringListField list) {
        List<DynamicTest> probes = new ArrayList<>();
        String item = text(list, 1);
        probes.add(accepted(part, list, items(list.minItems(), item), "a list of its minItems"));
        if (list.minItems() > 0) {
            probes.add(refused(part, list.name(), items(list.minItems() - 1, item), "a list one shorter than its "
                    + "minItems"));
        }
        if (list.maxItems() != Integer.MAX_VALUE) {
            probes.add(accepted(part, list, items(list.maxItems(), item), "a list of its maxItems"));
            probes.add(refused(part, list.name(), items(list.maxItems() + 1, item), "a list one longer than its "
                    + "maxItems"));
        }
        if (list.maxItemLength() != Integer.MAX_VALUE) {
            List<String> longest = items(Math.max(1, list.minItems()), text(list, list.maxItemLength()));
            List<String> tooLong = new ArrayList<>(longest);
            tooLong.set(0, text(list, list.maxItemLength() + 1));
            probes.add(accepted(part, list, longest, "items of its items' maxLength"));
            probes.add(refused(part, list.name(), tooLong, "an item one longer than its items' maxLength"));
        }
        return probes;
    }

    private void keepsListedFieldsOnly() {
        JobDefinition job = type.define(new HashMap<>(roomyInput), new HashMap<>());
        for (Part part : Part.values()) {
            List<String> listed = part.fields(schema).stream().map(InputField::name).toList();
            assertThat(part.of(job).keySet()).as("the %s define keeps", part.prefix).isSubsetOf(listed);
        }
    }

    private DynamicTest accepted(Part part, InputField field, Object value, String what) {
        String path = part.path(field.name());
        return dynamicTest(path + " = " + what + " is accepted and kept", () -> {
            JobDefinition job;
            try {
                job = define(part, field.name(), value);
            } catch (InvalidInputException e) {
                throw new AssertionError(path + " = " + what + " was refused: " + e.getMessage(), e);
            }
            assertSameValue(path, part.of(job).get(field.name()), value);
        });
    }

    private DynamicTest refused(Part part, String key, Object value, String what) {
        String path = part.path(key);
        return dynamicTest(path + " = " + what + " is refused", () -> assertRefused(path, () -> define(part, key,
                value)));
    }

    private static void assertRefused(String path, Runnable define) {
        assertThatThrownBy(define::run).as(path).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field())
                        .as("the field named by: " + e.getMessage())
                        .matches(field -> field.equals(path) || field.startsWith(path + "[")));
    }

    /** Defines the roomy job with {@code key} of {@code part} set to {@code value}, or left out when null. */
    private JobDefinition define(Part part, String key, Object value) {
        Map<String, Object> input = new HashMap<>(part == Part.INPUT ? inputBesides(key) : roomyInput);
        Map<String, Object> options = new HashMap<>();
        Map<String, Object> probed = part == Part.INPUT ? input : options;
        if (value == null) {
            probed.remove(key);
        } else {
            probed.put(key, value);
        }
        return type.define(input, options);
    }

    private Map<String, Object> inputBesides(String key) {
        Map<String, Object> rest = new HashMap<>(inputBesides.getOrDefault(key, roomyInput));
        rest.remove(key);
        return rest;
    }

    private String text(InputField field, int length) {
        String text = texts.getOrDefault(field.name(), "x"::repeat).apply(length);
        assertThat(text).as("the text made for " + field.name()).hasSize(length);
        return text;
    }

    private static List<String> items(int count, String item) {
        return Collections.nCopies(count, item);
    }

    private static Object number(BigInteger value) {
        return value.bitLength() < Long.SIZE ? (Object) value.longValue() : value;
    }

    private static Object defaultOf(InputField field) {
        if (field instanceof IntegerField integer) {
            return integer.defaultValue();
        }
        if (field instanceof StringField string) {
            return string.defaultValue();
        }
        if (field instanceof ChoiceField choice) {
            return choice.defaultValue();
        }
        if (field instanceof BooleanField bool) {
            return bool.defaultValue();
        }
        return null;
    }

    private static void assertSameValue(String path, Object kept, Object sent) {
        if (kept instanceof Number a && sent instanceof Number b) {
            assertThat(new BigDecimal(a.toString())).as(path).isEqualByComparingTo(new BigDecimal(b.toString()));
        } else {
            assertThat(kept).as(path).isEqualTo(sent);
        }
    }

    private enum Part {
        INPUT("input"), OPTIONS("options");

        private final String prefix;

        Part(String prefix) {
            this.prefix = prefix;
        }

        String path(String key) {
            return prefix + "." + key;
        }

        List<InputField> fields(InputSchema schema) {
            return this == INPUT ? schema.input() : schema.options();
        }

        Map<String, Object> of(JobDefinition job) {
            return this == INPUT ? job.input() : job.options();
        }
    }
}
