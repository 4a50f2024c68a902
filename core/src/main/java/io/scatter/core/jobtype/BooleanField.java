package io.scatter.core.jobtype;

import java.util.Collections;
import java.util.Map;

/** A true-or-false field, with an optional default; a form shows a check box. */
public record BooleanField(FieldInfo info, Boolean defaultValue) implements InputField {

    public BooleanField required() {
        return new BooleanField(info.asRequired(), defaultValue);
    }

    public BooleanField withDefault(boolean value) {
        return new BooleanField(info, value);
    }

    @Override
    public Map<String, Object> jsonSchema() {
        Map<String, Object> property = info.property("boolean");
        if (defaultValue != null) {
            property.put("default", defaultValue);
        }
        return Collections.unmodifiableMap(property);
    }
}
