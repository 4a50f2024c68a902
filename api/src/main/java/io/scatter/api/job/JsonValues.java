package io.scatter.api.job;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exact JSON for job documents: numbers stay Integer, Long, BigInteger or BigDecimal (never a rounded double),
 * duplicate keys and trailing content are rejected, and maps are written with sorted keys.
 */
public final class JsonValues {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private JsonValues() {
    }

    /** The JSON document in {@code bytes}. */
    static JsonNode parse(byte[] bytes) throws JacksonException {
        return MAPPER.readTree(bytes);
    }

    /** A JSON value as plain Java: Map, List, String, Boolean, null or an exact Number. */
    static Object toJava(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            return toMap(node);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.values().forEach(element -> list.add(toJava(element)));
            return list;
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asString();
    }

    /** A JSON object as a map keeping the order of its properties. */
    static Map<String, Object> toMap(JsonNode object) {
        Map<String, Object> map = new LinkedHashMap<>();
        object.properties().forEach(property -> map.put(property.getKey(), toJava(property.getValue())));
        return map;
    }

    /** {@code value} as JSON text, maps with sorted keys. */
    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /** The JSON object in {@code json} as a map with sorted keys, or null when {@code json} is null. */
    public static Map<String, Object> readObject(String json) {
        if (json == null) {
            return null;
        }
        JsonNode node = MAPPER.readTree(json);
        if (!node.isObject()) {
            throw new IllegalStateException("expected a stored JSON object, got " + node.getNodeType());
        }
        return new TreeMap<>(toMap(node));
    }

    /** A SHA-256 of the canonical JSON of {@code value}: equal for equal values, whatever their key order. */
    static String fingerprint(Object value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(write(value).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
