package io.scatter.core.jobtype;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;

/**
 * An integer field from {@code minimum} to {@code maximum} inclusive, with an optional default.
 *
 * <p>Its JSON Schema gives {@code minimum} and {@code maximum} only when a double holds them exactly (a client in
 * JavaScript reads every JSON number as one): {@code Long.MAX_VALUE} is left out, {@code 10^15} is not.
 *
 * @param defaultValue what {@link JobType#define} fills in when the field is absent, or null when it fills in none or
 *                     computes one from the rest of the job
 */
public record IntegerField(FieldInfo info, long minimum, long maximum, Long defaultValue) implements InputField {

    public IntegerField {
        if (minimum > maximum) {
            throw new IllegalArgumentException(info.name() + ": minimum " + minimum + " > maximum " + maximum);
        }
        if (defaultValue != null && (defaultValue < minimum || defaultValue > maximum)) {
            throw new IllegalArgumentException(info.name() + ": default " + defaultValue + " is out of range");
        }
    }

    public IntegerField required() {
        return new IntegerField(info.asRequired(), minimum, maximum, defaultValue);
    }

    public IntegerField withRange(long min, long max) {
        return new IntegerField(info, min, max, defaultValue);
    }

    public IntegerField withDefault(long value) {
        return new IntegerField(info, minimum, maximum, value);
    }

    @Override
    public Map<String, Object> jsonSchema() {
        Map<String, Object> property = info.property("integer");
        if (exactInADouble(minimum)) {
            property.put("minimum", minimum);
        }
        if (exactInADouble(maximum)) {
            property.put("maximum", maximum);
        }
        if (defaultValue != null) {
            property.put("default", defaultValue);
        }
        return Collections.unmodifiableMap(property);
    }

    private static boolean exactInADouble(long value) {
        return new BigDecimal((double) value).compareTo(BigDecimal.valueOf(value)) == 0;
    }
}
