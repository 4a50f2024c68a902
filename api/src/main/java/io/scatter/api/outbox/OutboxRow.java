package io.scatter.api.outbox;

import io.scatter.contracts.Channels;
import io.scatter.messaging.OutgoingMessage;
import io.scatter.messaging.ScatterEvents;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
 * @param createdAt  the CloudEvent time
 */
record OutboxRow(UUID id, String type, String exchange, String routingKey, String subject, String payload,
                 Instant createdAt) {

    /** The CloudEvent of this row, with where to publish it (broadcasts need not reach a queue). */
    OutgoingMessage toMessage() {
        return new OutgoingMessage(exchange, routingKey, ScatterEvents.event(id.toString(), Channels.API_SOURCE, type,
                subject, createdAt, payload.getBytes(StandardCharsets.UTF_8)));
    }
}
