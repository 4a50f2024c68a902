package io.scatter.api.outbox;

import io.scatter.contracts.Channels;
import io.scatter.messaging.OutgoingMessage;
import io.scatter.messaging.ScatterEvents;
import io.scatter.messaging.TraceExtension;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One message of the outbox.
 *
 * @param id         the CloudEvent id
 * @param type       the CloudEvent type
 * @param exchange   where to publish it
 * @param routingKey with which routing key
 * @param subject    the CloudEvent subject (the job id)
 * @param payload    the CloudEvent data, JSON
 * @param createdAt    the CloudEvent time
 * @param traceContext the W3C Trace Context of the transaction that queued it ({@code traceparent},
 *                     {@code tracestate}); empty when it was not traced
 */
record OutboxRow(UUID id, String type, String exchange, String routingKey, String subject, String payload,
                 Instant createdAt, Map<String, String> traceContext) {

    OutboxRow {
        traceContext = Map.copyOf(traceContext);
    }

    /**
     * The CloudEvent of this row, carrying the trace context {@code sentIn} (that of its publish span), with where to
     * publish it (broadcasts need not reach a queue).
     */
    OutgoingMessage toMessage(Map<String, String> sentIn) {
        return new OutgoingMessage(exchange, routingKey, TraceExtension.write(ScatterEvents.event(id.toString(),
                Channels.API_SOURCE, type, subject, createdAt, payload.getBytes(StandardCharsets.UTF_8)), sentIn));
    }
}
