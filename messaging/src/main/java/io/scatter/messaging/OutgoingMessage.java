package io.scatter.messaging;

import io.cloudevents.CloudEvent;
import io.scatter.contracts.Channels;

/**
 * A CloudEvent and where to publish it.
 *
 * @param mandatory whether the broker must route it to at least one queue (else the publish fails)
 */
public record OutgoingMessage(String exchange, String routingKey, CloudEvent event, boolean mandatory) {

    /**
     * A message that must reach a queue, except broadcasts on {@link Channels#CONTROL_EXCHANGE} and
     * {@link Channels#HEARTBEATS_EXCHANGE}, which may legitimately have no listener (no worker or no API running).
     */
    public OutgoingMessage(String exchange, String routingKey, CloudEvent event) {
        this(exchange, routingKey, event, !Channels.CONTROL_EXCHANGE.equals(exchange)
                && !Channels.HEARTBEATS_EXCHANGE.equals(exchange));
    }
}
