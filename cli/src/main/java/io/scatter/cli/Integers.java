package io.scatter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.math.BigInteger;

/** Integers written on the command line: an optional minus sign and digits, of any size. */
final class Integers {

    private static final int MAX_DIGITS = 100;

    private Integers() {
    }

    /** {@code text} as an integer when it is one, else null. */
    static BigInteger parse(String text) {
        return text.matches("-?\\d{1," + MAX_DIGITS + "}") ? new BigInteger(text) : null;
    }

    /** The value of {@code flag}, which must be an integer; a usage error naming the flag otherwise. */
    static BigInteger require(String flag, String text) throws UsageException {
        BigInteger value = parse(text);
        if (value == null) {
            throw new UsageException(flag + " must be an integer, got '" + text + "'");
        }
        return value;
    }

    /** The value of {@code flag}, which must be an integer from {@code min} to {@code max}. */
    static int require(String flag, String text, int min, int max) throws UsageException {
        BigInteger value = parse(text);
        if (value == null || value.compareTo(BigInteger.valueOf(min)) < 0
                || value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new UsageException(flag + " must be an integer between " + min + " and " + max + ", got '"
                    + text + "'");
        }
        return value.intValueExact();
    }

    /** A JSON number node holding {@code value} exactly: a long when it fits, else a big integer. */
    static JsonNode node(BigInteger value) {
        return value.bitLength() < Long.SIZE
                ? JsonNodeFactory.instance.numberNode(value.longValue())
                : JsonNodeFactory.instance.numberNode(value);
    }
}
