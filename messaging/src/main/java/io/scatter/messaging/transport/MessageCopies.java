package io.scatter.messaging.transport;

import com.rabbitmq.client.AMQP;
import io.scatter.messaging.AmqpMessage;

import java.util.LinkedHashMap;
import java.util.Map;

/** The persistent copies the adapter publishes of a delivered message, and the counting headers they carry. */
final class MessageCopies {

    private MessageCopies() {
    }

    /**
     * A copy for the dead-letter exchange: the counting headers dropped, {@code reason}, {@code attempts}, the time
     * and, when not null, {@code worker} in their {@link RabbitTaskTransport} headers.
     */
    static AmqpMessage withReason(AMQP.BasicProperties properties, byte[] body, String reason, int attempts,
                                  String worker) {
        Map<String, Object> headers = headers(properties);
        headers.remove(InboundMessage.DELIVERIES_HEADER);
        headers.remove(InboundMessage.RETURNS_HEADER);
        headers.put(RabbitTaskTransport.REASON_HEADER, reason);
        headers.put(RabbitTaskTransport.ATTEMPTS_HEADER, attempts);
        headers.put(RabbitTaskTransport.DEAD_LETTERED_AT_HEADER, System.currentTimeMillis());
        if (worker != null && !worker.isBlank()) {
            headers.put(RabbitTaskTransport.WORKER_HEADER, worker);
        } else {
            headers.remove(RabbitTaskTransport.WORKER_HEADER);
        }
        return copy(properties, body, headers);
    }

    /** A copy to put back on the queue, saying {@code deliveries} came before it, {@code returns} of them unsettled. */
    static AmqpMessage withCounts(AMQP.BasicProperties properties, byte[] body, int deliveries, int returns) {
        Map<String, Object> headers = headers(properties);
        headers.put(InboundMessage.DELIVERIES_HEADER, deliveries);
        headers.put(InboundMessage.RETURNS_HEADER, returns);
        return copy(properties, body, headers);
    }

    /** The non-negative count in {@code header}, or 0 when it is missing or not a count. */
    static long count(Map<String, Object> headers, String header) {
        Object count = headers == null ? null : headers.get(header);
        if (count instanceof Number number && number.longValue() >= 0 && number.longValue() < Integer.MAX_VALUE) {
            return number.longValue();
        }
        return 0;
    }

    /** The headers of {@code properties}, without the broker's delivery count (a copy starts at none). */
    private static Map<String, Object> headers(AMQP.BasicProperties properties) {
        Map<String, Object> headers = new LinkedHashMap<>();
        if (properties.getHeaders() != null) {
            headers.putAll(properties.getHeaders());
        }
        headers.remove(InboundMessage.DELIVERY_COUNT_HEADER);
        return headers;
    }

    private static AmqpMessage copy(AMQP.BasicProperties properties, byte[] body, Map<String, Object> headers) {
        return new AmqpMessage(properties.builder().headers(headers).deliveryMode(2).build(),
                body == null ? new byte[0] : body);
    }
}
