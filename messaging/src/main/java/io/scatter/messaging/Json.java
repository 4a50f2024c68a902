package io.scatter.messaging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON mapping of message data used by every publisher and consumer; it refuses data nested deeper than
 * {@value #MAX_NESTING_DEPTH}, numbers longer than {@value #MAX_NUMBER_LENGTH} characters and duplicate keys.
 */
public final class Json {

    /** How deep message data may nest; Scatter's own messages nest four levels at most. */
    public static final int MAX_NESTING_DEPTH = 32;
    /** How many characters one number in message data may have. */
    public static final int MAX_NUMBER_LENGTH = 100;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private Json() {
    }

    /** A mapper configured for message data; shared, thread-safe, not to be reconfigured. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
