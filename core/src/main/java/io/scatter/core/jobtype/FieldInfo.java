package io.scatter.core.jobtype;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What every {@link InputField} has: its key in the JSON object, a short human label, one sentence shown under it, and
 * whether a job must give it.
 *
 * @param name        the key in {@code input} or {@code options}, e.g. {@code from}
 * @param title       a short label for a form, e.g. {@code From}
 * @param description one sentence shown under the field
 * @param required    whether {@link JobType#define} refuses a job without it
 */
public record FieldInfo(String name, String title, String description, boolean required) {

    public FieldInfo {
        requireText(name, "name");
        requireText(title, "title of " + name);
        requireText(description, "description of " + name);
    }

    /** This field, required. */
    public FieldInfo asRequired() {
        return new FieldInfo(name, title, description, true);
    }

    /** The start of the field's JSON Schema property: {@code type}, {@code title} and {@code description}. */
    Map<String, Object> property(String type) {
        Map<String, Object> property = new LinkedHashMap<>();
        property.put("type", type);
        property.put("title", title);
        property.put("description", description);
        return property;
    }

    static void requireText(String text, String what) {
        Objects.requireNonNull(text, what);
        if (text.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
