package io.scatter.messaging;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import io.scatter.contracts.Channels;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Declares Scatter's exchanges and queues (idempotently): durable quorum queues for tasks and results with a delivery
 * limit and at-least-once dead-lettering, their dead-letter queues, and the control fan-out exchange.
 */
public final class Topology {

    private Topology() {
    }

    /** Declares everything on {@code channel}; safe to call from every process at start-up. */
    public static void declare(Channel channel) throws IOException {
        channel.exchangeDeclare(Channels.DEAD_LETTER_EXCHANGE, BuiltinExchangeType.DIRECT, true);
        declareDeadLetterQueue(channel, Channels.TASKS_DEAD_LETTER_QUEUE);
        declareDeadLetterQueue(channel, Channels.RESULTS_DEAD_LETTER_QUEUE);
        declareWorkQueue(channel, Channels.TASKS_EXCHANGE, Channels.TASKS_QUEUE, Channels.TASKS_DEAD_LETTER_QUEUE);
        declareWorkQueue(channel, Channels.RESULTS_EXCHANGE, Channels.RESULTS_QUEUE, Channels.RESULTS_DEAD_LETTER_QUEUE);
        channel.exchangeDeclare(Channels.CONTROL_EXCHANGE, BuiltinExchangeType.FANOUT, true);
    }

    /** The arguments of a work queue: quorum, delivery limit, dead-lettering to {@code deadLetterQueue}. */
    public static Map<String, Object> workQueueArguments(String deadLetterQueue) {
        Map<String, Object> arguments = new HashMap<>();
        arguments.put("x-queue-type", "quorum");
        arguments.put("x-delivery-limit", Channels.DELIVERY_LIMIT);
        arguments.put("x-dead-letter-exchange", Channels.DEAD_LETTER_EXCHANGE);
        arguments.put("x-dead-letter-routing-key", deadLetterQueue);
        arguments.put("x-dead-letter-strategy", "at-least-once");
        arguments.put("x-overflow", "reject-publish");
        return arguments;
    }

    private static void declareWorkQueue(Channel channel, String exchange, String queue, String deadLetterQueue)
            throws IOException {
        channel.exchangeDeclare(exchange, BuiltinExchangeType.DIRECT, true);
        channel.queueDeclare(queue, true, false, false, workQueueArguments(deadLetterQueue));
        channel.queueBind(queue, exchange, queue);
    }

    private static void declareDeadLetterQueue(Channel channel, String queue) throws IOException {
        channel.queueDeclare(queue, true, false, false, Map.of("x-queue-type", "quorum"));
        channel.queueBind(queue, Channels.DEAD_LETTER_EXCHANGE, queue);
    }
}
