package io.scatter.messaging;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownSignalException;
import io.scatter.contracts.Channels;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Declares Scatter's exchanges and queues (idempotently), in the dialect of the broker the channel is connected to
 * ({@link BrokerProduct}):
 *
 * <ul>
 *   <li><b>RabbitMQ</b>: durable quorum queues for tasks and results with a delivery limit and at-least-once
 *       dead-lettering to {@link Channels#DEAD_LETTER_EXCHANGE}, their dead-letter queues (quorum too), and the
 *       control and heartbeat fan-out exchanges.</li>
 *   <li><b>Qpid Broker-J</b>: the same exchanges and durable queues, with Qpid's equivalents of the quorum arguments
 *       (it rejects RabbitMQ's {@code x-} arguments): {@code alternateExchange} = {@link Channels#DEAD_LETTER_EXCHANGE}
 *       and {@code x-qpid-maximum-delivery-count} = {@link Channels#DELIVERY_LIMIT}. Qpid routes a dead message to the
 *       alternate exchange with its original routing key (the work queue's name), so each dead-letter queue is bound
 *       under that key too.</li>
 * </ul>
 *
 * <p>The fan-out exchanges have no queue of their own: each listener binds a private, server-named, exclusive,
 * auto-delete queue, which goes away with it, so nothing piles up where nobody listens. A heartbeat listener's queue
 * on RabbitMQ also drops heartbeats older than {@link #HEARTBEAT_TTL} ({@link #heartbeatQueueArguments}).
 */
public final class Topology {

    /** Qpid's queue argument naming where a dead message goes (its alternate binding): an exchange. */
    public static final String QPID_ALTERNATE_EXCHANGE = "alternateExchange";
    /** Qpid's queue argument: deliveries after which a rejected message goes to the alternate exchange. */
    public static final String QPID_MAXIMUM_DELIVERY_COUNT = "x-qpid-maximum-delivery-count";
    /** How long a heartbeat may wait in a listener's queue on RabbitMQ before the broker drops it. */
    public static final Duration HEARTBEAT_TTL = Duration.ofSeconds(10);

    private Topology() {
    }

    /**
     * Declares everything on {@code channel}, as its broker product wants it; safe to call from every process at
     * start-up.
     */
    public static void declare(Channel channel) throws IOException {
        declare(channel, BrokerProduct.of(channel.getConnection()));
    }

    /** Declares everything on {@code channel} for {@code product}. */
    public static void declare(Channel channel, BrokerProduct product) throws IOException {
        channel.exchangeDeclare(Channels.DEAD_LETTER_EXCHANGE, BuiltinExchangeType.DIRECT, true);
        declareDeadLetterQueue(channel, product, Channels.TASKS_DEAD_LETTER_QUEUE, Channels.TASKS_QUEUE);
        declareDeadLetterQueue(channel, product, Channels.RESULTS_DEAD_LETTER_QUEUE, Channels.RESULTS_QUEUE);
        declareWorkQueue(channel, product, Channels.TASKS_EXCHANGE, Channels.TASKS_QUEUE,
                Channels.TASKS_DEAD_LETTER_QUEUE);
        declareWorkQueue(channel, product, Channels.RESULTS_EXCHANGE, Channels.RESULTS_QUEUE,
                Channels.RESULTS_DEAD_LETTER_QUEUE);
        channel.exchangeDeclare(Channels.CONTROL_EXCHANGE, BuiltinExchangeType.FANOUT, true);
        channel.exchangeDeclare(Channels.HEARTBEATS_EXCHANGE, BuiltinExchangeType.FANOUT, true);
    }

    /**
     * Checks, without declaring anything, that the exchanges and queues of {@link #declare} exist: what a user may do
     * who may not declare them (a least-privilege worker, docs/security.md#least-privilege).
     *
     * @throws IOException when one is missing (the broker then closes {@code channel})
     */
    public static void verify(Channel channel) throws IOException {
        for (String exchange : List.of(Channels.DEAD_LETTER_EXCHANGE, Channels.TASKS_EXCHANGE,
                Channels.RESULTS_EXCHANGE, Channels.CONTROL_EXCHANGE, Channels.HEARTBEATS_EXCHANGE)) {
            channel.exchangeDeclarePassive(exchange);
        }
        for (String queue : List.of(Channels.TASKS_QUEUE, Channels.RESULTS_QUEUE, Channels.TASKS_DEAD_LETTER_QUEUE,
                Channels.RESULTS_DEAD_LETTER_QUEUE)) {
            channel.queueDeclarePassive(queue);
        }
    }

    /** Whether {@code failure} (or a cause) is the broker refusing an operation to this user (AMQP 403). */
    public static boolean accessRefused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ShutdownSignalException signal
                    && signal.getReason() instanceof AMQP.Channel.Close close
                    && close.getReplyCode() == AMQP.ACCESS_REFUSED) {
                return true;
            }
        }
        return false;
    }

    /**
     * The arguments of a heartbeat listener's private queue: on RabbitMQ a message TTL of {@link #HEARTBEAT_TTL};
     * none on Qpid, which rejects {@code x-} arguments (its queue goes away with the listener all the same).
     */
    public static Map<String, Object> heartbeatQueueArguments(BrokerProduct product) {
        return switch (product) {
            case RABBITMQ -> Map.of("x-message-ttl", (int) HEARTBEAT_TTL.toMillis());
            case QPID -> Map.of();
        };
    }

    /** The arguments of a work queue on RabbitMQ: quorum, delivery limit, dead-lettering to {@code deadLetterQueue}. */
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

    /**
     * The arguments of a work queue on Qpid Broker-J: a message rejected after {@link Channels#DELIVERY_LIMIT}
     * deliveries goes to {@link Channels#DEAD_LETTER_EXCHANGE} (with its own routing key, the work queue's name).
     */
    public static Map<String, Object> qpidWorkQueueArguments() {
        Map<String, Object> arguments = new HashMap<>();
        arguments.put(QPID_ALTERNATE_EXCHANGE, Channels.DEAD_LETTER_EXCHANGE);
        arguments.put(QPID_MAXIMUM_DELIVERY_COUNT, Channels.DELIVERY_LIMIT);
        return arguments;
    }

    private static void declareWorkQueue(Channel channel, BrokerProduct product, String exchange, String queue,
                                         String deadLetterQueue) throws IOException {
        channel.exchangeDeclare(exchange, BuiltinExchangeType.DIRECT, true);
        Map<String, Object> arguments = switch (product) {
            case RABBITMQ -> workQueueArguments(deadLetterQueue);
            case QPID -> qpidWorkQueueArguments();
        };
        channel.queueDeclare(queue, true, false, false, arguments);
        channel.queueBind(queue, exchange, queue);
    }

    private static void declareDeadLetterQueue(Channel channel, BrokerProduct product, String queue, String workQueue)
            throws IOException {
        switch (product) {
            case RABBITMQ -> {
                channel.queueDeclare(queue, true, false, false, Map.of("x-queue-type", "quorum"));
                channel.queueBind(queue, Channels.DEAD_LETTER_EXCHANGE, queue);
            }
            case QPID -> {
                channel.queueDeclare(queue, true, false, false, null);
                channel.queueBind(queue, Channels.DEAD_LETTER_EXCHANGE, queue);
                channel.queueBind(queue, Channels.DEAD_LETTER_EXCHANGE, workQueue);
            }
        }
    }
}
