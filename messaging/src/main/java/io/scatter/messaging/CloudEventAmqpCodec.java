package io.scatter.messaging;

import com.rabbitmq.client.AMQP;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.data.BytesCloudEventData;
import io.cloudevents.rw.CloudEventRWException;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps CloudEvents to AMQP 0-9-1 messages and back in binary content mode: each attribute is a header named
 * {@code cloudEvents:<name>} (the CloudEvents AMQP binding; {@code cloudEvents_<name>} is accepted on read),
 * {@code datacontenttype} travels as the {@code content-type} property and the data is the body.
 */
public final class CloudEventAmqpCodec {

    /** Header prefix written, as in the CloudEvents AMQP protocol binding. */
    public static final String PREFIX = "cloudEvents:";
    /** Header prefix also accepted on read (used by JMS-style bindings where ':' is not allowed). */
    public static final String ALTERNATE_PREFIX = "cloudEvents_";

    private static final String CONTENT_TYPE = "datacontenttype";

    private CloudEventAmqpCodec() {
    }

    /** A persistent AMQP message carrying {@code event}. */
    public static AmqpMessage encode(CloudEvent event) {
        return encode(event, true);
    }

    /**
     * An AMQP message carrying {@code event}: persistent (delivery mode 2, kept by a durable queue across a broker
     * restart) or transient (delivery mode 1, for messages that are worthless later, such as heartbeats).
     */
    public static AmqpMessage encode(CloudEvent event, boolean persistent) {
        Map<String, Object> headers = new LinkedHashMap<>();
        for (String name : event.getAttributeNames()) {
            Object value = event.getAttribute(name);
            if (value != null && !CONTENT_TYPE.equals(name)) {
                headers.put(PREFIX + name, attributeText(value));
            }
        }
        for (String name : event.getExtensionNames()) {
            Object value = event.getExtension(name);
            if (value != null) {
                headers.put(PREFIX + name, attributeText(value));
            }
        }
        AMQP.BasicProperties.Builder properties = new AMQP.BasicProperties.Builder()
                .deliveryMode(persistent ? 2 : 1)
                .messageId(event.getId())
                .type(event.getType())
                .headers(headers);
        if (event.getDataContentType() != null) {
            properties.contentType(event.getDataContentType());
        }
        if (event.getTime() != null) {
            properties.timestamp(Date.from(event.getTime().toInstant()));
        }
        byte[] body = event.getData() == null ? new byte[0] : event.getData().toBytes();
        return new AmqpMessage(properties.build(), body);
    }

    /** The CloudEvent carried by a delivered message. */
    public static CloudEvent decode(AMQP.BasicProperties properties, byte[] body) throws MalformedMessageException {
        Map<String, String> attributes = attributes(properties);
        String specVersion = attributes.remove("specversion");
        if (specVersion == null) {
            throw new MalformedMessageException("not a CloudEvent: no " + PREFIX + "specversion header");
        }
        if (!SpecVersion.V1.toString().equals(specVersion)) {
            throw new MalformedMessageException("unsupported CloudEvents specversion '" + specVersion + "'");
        }
        for (String required : new String[]{"id", "source", "type"}) {
            if (attributes.get(required) == null || attributes.get(required).isBlank()) {
                throw new MalformedMessageException("CloudEvent without the required attribute '" + required + "'");
            }
        }
        try {
            CloudEventBuilder builder = CloudEventBuilder.v1();
            attributes.forEach(builder::withContextAttribute);
            if (properties.getContentType() != null) {
                builder.withDataContentType(properties.getContentType());
            }
            if (body != null && body.length > 0) {
                builder.withData(BytesCloudEventData.wrap(body));
            }
            return builder.build();
        } catch (CloudEventRWException | IllegalStateException | IllegalArgumentException e) {
            throw new MalformedMessageException("invalid CloudEvent: " + oneLine(e.getMessage()), e);
        }
    }

    /**
     * The CloudEvent attributes a message's headers carry, by lower-case name, as {@link #decode} reads them (the
     * content type aside); a message naming one attribute twice (under both prefixes, or in two cases) is malformed.
     */
    public static Map<String, String> attributes(AMQP.BasicProperties properties) throws MalformedMessageException {
        Map<String, Object> headers = properties.getHeaders() == null ? Map.of() : properties.getHeaders();
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, Object> header : headers.entrySet()) {
            String name = attributeName(header.getKey());
            if (name != null && header.getValue() != null
                    && attributes.putIfAbsent(name, header.getValue().toString()) != null) {
                throw new MalformedMessageException("the CloudEvent attribute '" + name + "' is given twice");
            }
        }
        return attributes;
    }

    private static String attributeName(String header) {
        if (header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return header.substring(PREFIX.length()).toLowerCase();
        }
        if (header.regionMatches(true, 0, ALTERNATE_PREFIX, 0, ALTERNATE_PREFIX.length())) {
            return header.substring(ALTERNATE_PREFIX.length()).toLowerCase();
        }
        return null;
    }

    private static String attributeText(Object value) {
        if (value instanceof OffsetDateTime time) {
            return DateTimeFormatter.ISO_INSTANT.format(time.toInstant());
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value.toString();
    }

    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").trim();
    }
}
