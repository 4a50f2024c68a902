package io.scatter.core.jobtype;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/** A string field that takes one of {@code choices} (a JSON Schema {@code enum}), with an optional default. */
public record ChoiceField(FieldInfo info, List<String> choices, String defaultValue) implements InputField {

    public ChoiceField {
        choices = List.copyOf(choices);
        if (choices.isEmpty() || new HashSet<>(choices).size() != choices.size()) {
            throw new IllegalArgumentException(info.name() + ": the choices must be distinct and at least one");
        }
        if (defaultValue != null && !choices.contains(defaultValue)) {
            throw new IllegalArgumentException(info.name() + ": the default '" + defaultValue + "' is not a choice");
        }
    }

    public ChoiceField required() {
        return new ChoiceField(info.asRequired(), choices, defaultValue);
    }

    public ChoiceField withDefault(String value) {
        return new ChoiceField(info, choices, value);
    }

    @Override
    public Map<String, Object> jsonSchema() {
        Map<String, Object> property = info.property("string");
        property.put("enum", choices);
        if (defaultValue != null) {
            property.put("default", defaultValue);
        }
        return Collections.unmodifiableMap(property);
    }
}
