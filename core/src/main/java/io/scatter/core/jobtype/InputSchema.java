package io.scatter.core.jobtype;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How a {@link JobType} describes what its {@link JobType#define} accepts, for a client to render a submit form: a
 * title, one sentence, and the fields of {@code input} and of {@code options}, each rendered as a JSON Schema.
 *
 * @param title       a short name for people, e.g. {@code Count primes}
 * @param description one sentence saying what a job of the type computes
 * @param input       the fields of {@code input}, in the order a form shows them
 * @param options     the fields of {@code options}, in the order a form shows them
 */
public record InputSchema(String title, String description, List<InputField> input, List<InputField> options) {

    public InputSchema {
        FieldInfo.requireText(title, "title");
        FieldInfo.requireText(description, "description");
        input = List.copyOf(input);
        options = List.copyOf(options);
        requireDistinctNames(input, "input");
        requireDistinctNames(options, "options");
    }

    /** A schema with this title and description and, so far, no field. */
    public static Builder builder(String title, String description) {
        return new Builder(title, description);
    }

    /** The input's field called {@code name}. */
    public Optional<InputField> inputField(String name) {
        return input.stream().filter(field -> field.name().equals(name)).findFirst();
    }

    /** The options' field called {@code name}. */
    public Optional<InputField> optionField(String name) {
        return options.stream().filter(field -> field.name().equals(name)).findFirst();
    }

    /** {@code input} as a JSON Schema: {@code {"type": "object", "properties": …, "required": […], …}}. */
    public Map<String, Object> inputJsonSchema() {
        return objectSchema(input);
    }

    /** {@code options} as a JSON Schema, as {@link #inputJsonSchema()}. */
    public Map<String, Object> optionsJsonSchema() {
        return objectSchema(options);
    }

    private static Map<String, Object> objectSchema(List<InputField> fields) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (InputField field : fields) {
            properties.put(field.name(), field.jsonSchema());
            if (field.isRequired()) {
                required.add(field.name());
            }
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", Collections.unmodifiableMap(properties));
        schema.put("required", List.copyOf(required));
        schema.put("additionalProperties", false);
        return Collections.unmodifiableMap(schema);
    }

    private static void requireDistinctNames(List<InputField> fields, String where) {
        Set<String> names = new HashSet<>();
        for (InputField field : fields) {
            if (!names.add(field.name())) {
                throw new IllegalArgumentException(where + " has two fields named '" + field.name() + "'");
            }
        }
    }

    /** Collects the fields of an {@link InputSchema}, in order. */
    public static final class Builder {

        private final String title;
        private final String description;
        private final List<InputField> input = new ArrayList<>();
        private final List<InputField> options = new ArrayList<>();

        private Builder(String title, String description) {
            this.title = title;
            this.description = description;
        }

        /** Adds a field of {@code input}. */
        public Builder input(InputField field) {
            input.add(field);
            return this;
        }

        /** Adds a field of {@code options}. */
        public Builder option(InputField field) {
            options.add(field);
            return this;
        }

        public InputSchema build() {
            return new InputSchema(title, description, input, options);
        }
    }
}
