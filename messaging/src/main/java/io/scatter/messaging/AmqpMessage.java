package io.scatter.messaging;

import com.rabbitmq.client.AMQP;

/** An AMQP 0-9-1 message ready to publish, or as delivered: properties (with headers) and body. */
public record AmqpMessage(AMQP.BasicProperties properties, byte[] body) {
}
