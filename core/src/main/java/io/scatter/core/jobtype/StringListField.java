package io.scatter.core.jobtype;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A list of {@code minItems} to {@code maxItems} strings of at most {@code maxItemLength} characters each
 * ({@link Integer#MAX_VALUE}: no limit); a form shows a text area with one item a line.
 */
public record StringListField(FieldInfo info, int minItems, int maxItems, int maxItemLength) implements InputField {

    public StringListField {
        if (minItems < 0 || minItems > maxItems) {
            throw new IllegalArgumentException(info.name() + ": items must be 0 <= min <= max, got " + minItems
                    + " and " + maxItems);
        }
        if (maxItemLength < 1) {
            throw new IllegalArgumentException(info.name() + ": maxItemLength must be positive, got " + maxItemLength);
        }
    }

    public StringListField required() {
        return new StringListField(info.asRequired(), minItems, maxItems, maxItemLength);
    }

    public StringListField withItems(int min, int max) {
        return new StringListField(info, min, max, maxItemLength);
    }

    public StringListField withMaxItemLength(int length) {
        return new StringListField(info, minItems, maxItems, length);
    }

    @Override
    public Map<String, Object> jsonSchema() {
        Map<String, Object> property = info.property("array");
        Map<String, Object> items = new LinkedHashMap<>();
        items.put("type", "string");
        if (maxItemLength != Integer.MAX_VALUE) {
            items.put("maxLength", maxItemLength);
        }
        property.put("items", Collections.unmodifiableMap(items));
        if (minItems > 0) {
            property.put("minItems", minItems);
        }
        if (maxItems != Integer.MAX_VALUE) {
            property.put("maxItems", maxItems);
        }
        return Collections.unmodifiableMap(property);
    }
}
