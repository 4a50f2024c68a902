package io.scatter.core.jobtype;

import java.util.List;
import java.util.Map;

/**
 * One field of a job type's input or options, as a submit form shows it and as a JSON Schema property describes it.
 * Made with the factories below and refined with the fields' {@code with…} methods and {@code required()}, e.g.
 * {@code InputField.integer("samples", "Samples", "How many random points to throw.").withRange(1, 1_000_000)
 * .required()}.
 */
public sealed interface InputField permits IntegerField, StringField, ChoiceField, StringListField, BooleanField {

    FieldInfo info();

    /** The key of the field in {@code input} or {@code options}. */
    default String name() {
        return info().name();
    }

    /** Whether {@link JobType#define} refuses a job without this field. */
    default boolean isRequired() {
        return info().required();
    }

    /** The field's JSON Schema (draft 2020-12) property, an unmodifiable map of JSON values. */
    Map<String, Object> jsonSchema();

    /** An optional integer field of the whole long range, without a default. */
    static IntegerField integer(String name, String title, String description) {
        return new IntegerField(new FieldInfo(name, title, description, false), Long.MIN_VALUE, Long.MAX_VALUE, null);
    }

    /** An optional single-line string field of any length, without a default. */
    static StringField string(String name, String title, String description) {
        return new StringField(new FieldInfo(name, title, description, false), Integer.MAX_VALUE, null, false);
    }

    /** An optional string field that takes one of {@code choices}, without a default. */
    static ChoiceField choice(String name, String title, String description, List<String> choices) {
        return new ChoiceField(new FieldInfo(name, title, description, false), choices, null);
    }

    /** An optional list of any number of strings of any length; a form shows one item a line. */
    static StringListField stringList(String name, String title, String description) {
        return new StringListField(new FieldInfo(name, title, description, false), 0, Integer.MAX_VALUE,
                Integer.MAX_VALUE);
    }

    /** An optional true-or-false field, without a default. */
    static BooleanField bool(String name, String title, String description) {
        return new BooleanField(new FieldInfo(name, title, description, false), null);
    }
}
