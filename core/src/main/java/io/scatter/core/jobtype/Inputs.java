package io.scatter.core.jobtype;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * Reads and checks values of decoded JSON objects for {@link JobType#define}, throwing {@link InvalidInputException}
 * with the field's dotted name (e.g. {@code input.from}); the map key is the part after the last dot.
 */
public final class Inputs {

    private static final double LARGEST_EXACT_DOUBLE = 0x1p53;
    private static final int LONGEST_SHOWN_TEXT = 40;

    private Inputs() {
    }

    /** The integer at {@code field}, which must be present and between {@code min} and {@code max} inclusive. */
    public static long requireLong(Map<String, ?> map, String field, long min, long max) {
        String key = key(field);
        if (map == null || !map.containsKey(key)) {
            throw new InvalidInputException(field,
                    field + " is required: an integer between " + min + " and " + max);
        }
        return checkLong(map.get(key), field, min, max);
    }

    /** Like {@link #requireLong}, but {@code defaultValue} when the field is absent (or the map is null). */
    public static long optionalLong(Map<String, ?> map, String field, long min, long max, long defaultValue) {
        String key = key(field);
        if (map == null || !map.containsKey(key)) {
            return defaultValue;
        }
        return checkLong(map.get(key), field, min, max);
    }

    /** The string at {@code field}, one of {@code choices}, or {@code defaultValue} when absent. */
    public static String optionalChoice(Map<String, ?> map, String field, List<String> choices, String defaultValue) {
        String key = key(field);
        if (map == null || !map.containsKey(key)) {
            return defaultValue;
        }
        Object value = map.get(key);
        if (value instanceof String && choices.contains(value)) {
            return (String) value;
        }
        throw new InvalidInputException(field,
                field + " must be one of " + String.join(", ", choices) + ", got " + describe(value));
    }

    /** Rejects the first key (in sorted order) of {@code map} not in {@code known}; {@code prefix} is e.g. "input". */
    public static void rejectUnknownKeys(Map<String, ?> map, String prefix, Collection<String> known) {
        if (map == null) {
            return;
        }
        for (String key : new TreeSet<>(map.keySet())) {
            if (!known.contains(key)) {
                String field = prefix + "." + oneLine(key);
                throw new InvalidInputException(field, field + " is not a known field; expected "
                        + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    /**
     * The exact value of an integral JSON number: an Integer, Long, Short, Byte or BigInteger within the long range,
     * a BigDecimal without fraction, or a Double or Float without fraction and at most 2^53 in magnitude.
     * Empty for anything else, including null, strings, booleans and fractions.
     */
    public static OptionalLong asLong(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return OptionalLong.of(((Number) value).longValue());
        }
        if (value instanceof BigInteger) {
            BigInteger big = (BigInteger) value;
            return big.bitLength() < Long.SIZE ? OptionalLong.of(big.longValue()) : OptionalLong.empty();
        }
        if (value instanceof BigDecimal) {
            return fromBigDecimal((BigDecimal) value);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            boolean integral = Math.abs(d) <= LARGEST_EXACT_DOUBLE && d == Math.rint(d);
            return integral ? OptionalLong.of((long) d) : OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /** A short one-line rendering of a JSON value for error messages: strings quoted, objects and arrays named. */
    public static String describe(Object value) {
        if (value instanceof String) {
            return "\"" + oneLine((String) value) + "\"";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof Collection) {
            return "an array";
        }
        return oneLine(String.valueOf(value));
    }

    private static OptionalLong fromBigDecimal(BigDecimal decimal) {
        BigDecimal stripped = decimal.stripTrailingZeros();
        if (stripped.scale() > 0 || stripped.precision() - stripped.scale() > 19) {
            return OptionalLong.empty();
        }
        return asLong(stripped.toBigIntegerExact());
    }

    private static long checkLong(Object value, String field, long min, long max) {
        OptionalLong parsed = asLong(value);
        if (parsed.isEmpty() || parsed.getAsLong() < min || parsed.getAsLong() > max) {
            throw new InvalidInputException(field,
                    field + " must be an integer between " + min + " and " + max + ", got " + describe(value));
        }
        return parsed.getAsLong();
    }

    private static String oneLine(String text) {
        String shown = text.length() > LONGEST_SHOWN_TEXT ? text.substring(0, LONGEST_SHOWN_TEXT) + "..." : text;
        return shown.replace("\r", "\\r").replace("\n", "\\n");
    }

    private static String key(String field) {
        return field.substring(field.lastIndexOf('.') + 1);
    }
}
