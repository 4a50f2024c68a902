package io.scatter.api.dalc;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

import java.math.BigDecimal;

/** Writes a decimal as a JSON number in plain notation, digit for digit: {@code 0.0000001}, never {@code 1E-7}. */
final class PlainDecimalSerializer extends StdSerializer<BigDecimal> {

    PlainDecimalSerializer() {
        super(BigDecimal.class);
    }

    @Override
    public void serialize(BigDecimal value, JsonGenerator generator, SerializationContext context) {
        generator.writeNumber(value.toPlainString());
    }
}
