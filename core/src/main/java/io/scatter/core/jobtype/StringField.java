package io.scatter.core.jobtype;

import java.util.Collections;
import java.util.Map;

/**
 * A string field of at most {@code maxLength} characters ({@link Integer#MAX_VALUE}: no limit), with an optional
 * default; {@code multiline} asks a form for a text area ({@code "x-multiline": true}).
 */
public record StringField(FieldInfo info, int maxLength, String defaultValue, boolean multiline)
        implements InputField {

    public StringField {
        if (maxLength < 1) {
            throw new IllegalArgumentException(info.name() + ": maxLength must be positive, got " + maxLength);
        }
        if (defaultValue != null && defaultValue.length() > maxLength) {
            throw new IllegalArgumentException(info.name() + ": the default is longer than maxLength");
        }
    }

    public StringField required() {
        return new StringField(info.asRequired(), maxLength, defaultValue, multiline);
    }

    public StringField withMaxLength(int length) {
        return new StringField(info, length, defaultValue, multiline);
    }

    public StringField withDefault(String value) {
        return new StringField(info, maxLength, value, multiline);
    }

    public StringField withMultiline() {
        return new StringField(info, maxLength, defaultValue, true);
    }

    @Override
    public Map<String, Object> jsonSchema() {
        Map<String, Object> property = info.property("string");
        if (maxLength != Integer.MAX_VALUE) {
            property.put("maxLength", maxLength);
        }
        if (defaultValue != null) {
            property.put("default", defaultValue);
        }
        if (multiline) {
            property.put("x-multiline", true);
        }
        return Collections.unmodifiableMap(property);
    }
}
