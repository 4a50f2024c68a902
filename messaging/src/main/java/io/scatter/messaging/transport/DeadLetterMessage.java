package io.scatter.messaging.transport;

import com.rabbitmq.client.AMQP;
import io.scatter.contracts.TaskMessage;
import io.scatter.messaging.CloudEventAmqpCodec;
import io.scatter.messaging.MalformedMessageException;
import io.scatter.messaging.ScatterEvents;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A message taken from {@link io.scatter.contracts.Channels#TASKS_DEAD_LETTER_QUEUE}, with what it says about why,
 * when and by whom it was dead-lettered, whoever dead-lettered it:
 *
 * <ul>
 *   <li><b>this adapter</b> ({@link RabbitTaskTransport}, on RabbitMQ or Qpid): a rejected task, a malformed message
 *       or one past the delivery limit carries {@value RabbitTaskTransport#REASON_HEADER},
 *       {@value RabbitTaskTransport#ATTEMPTS_HEADER}, {@value RabbitTaskTransport#DEAD_LETTERED_AT_HEADER} and, when
 *       a worker rejected it by name, {@value RabbitTaskTransport#WORKER_HEADER};</li>
 *   <li><b>RabbitMQ itself</b> (a client rejected it without requeueing, or the quorum queue passed its
 *       {@code x-delivery-limit}): the broker's {@code x-first-death-reason} ({@code rejected},
 *       {@code delivery_limit}) and the time of its first {@code x-death} entry; the attempts are the quorum queue's
 *       deliveries for {@code delivery_limit} (the limit plus one: the copy's {@code x-delivery-count} reads 0 by
 *       then), else 1 more than the {@code x-delivery-count} it keeps, else 1;</li>
 *   <li><b>Qpid Broker-J itself</b> (its alternate exchange, past its maximum delivery count): no reason of its own
 *       ({@code unknown}); the attempts from the adapter's {@value InboundMessage#DELIVERIES_HEADER} when the copy has
 *       it.</li>
 * </ul>
 *
 * @param messageId      what identifies the message across redeliveries: its AMQP message id (the CloudEvent id of a
 *                       task), else its {@code cloudEvents:id} header, else {@code sha256:} and the digest of its
 *                       body
 * @param task           the task, or null when the body is not a readable {@code scatter.task.v1} CloudEvent
 * @param reason         why, in one line; {@code unknown} when nothing says
 * @param attempts       the deliveries it had, at least 1
 * @param worker         the worker that rejected it, or null
 * @param deadLetteredAt when it was dead-lettered, or when it was read if nothing says
 */
public record DeadLetterMessage(String messageId, TaskMessage task, String reason, int attempts, String worker,
                                Instant deadLetteredAt) {

    /** The reason RabbitMQ gives a message dead-lettered past {@code x-delivery-limit}. */
    static final String BROKER_DELIVERY_LIMIT = "delivery_limit";

    public DeadLetterMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(deadLetteredAt, "deadLetteredAt");
    }

    /** Reads a dead-lettered message that arrived at {@code receivedAt}; never throws for its content. */
    public static DeadLetterMessage read(AMQP.BasicProperties properties, byte[] body, Instant receivedAt) {
        Map<String, Object> headers = properties.getHeaders() == null ? Map.of() : properties.getHeaders();
        byte[] bytes = body == null ? new byte[0] : body;
        TaskMessage task;
        try {
            task = ScatterEvents.data(CloudEventAmqpCodec.decode(properties, bytes), TaskMessage.class);
        } catch (MalformedMessageException | RuntimeException e) {
            task = null;
        }
        long at = RabbitTaskTransport.deadLetteredAt(headers);
        String reason = RabbitTaskTransport.oneLine(RabbitTaskTransport.deadLetterReason(headers));
        Object worker = headers.get(RabbitTaskTransport.WORKER_HEADER);
        return new DeadLetterMessage(messageId(properties, headers, bytes), task, reason, attempts(headers, reason),
                worker == null || worker.toString().isBlank() ? null : worker.toString(),
                at > 0 ? Instant.ofEpochMilli(at) : receivedAt);
    }

    private static String messageId(AMQP.BasicProperties properties, Map<String, Object> headers, byte[] body) {
        if (properties.getMessageId() != null && !properties.getMessageId().isBlank()) {
            return properties.getMessageId();
        }
        for (String prefix : List.of(CloudEventAmqpCodec.PREFIX, CloudEventAmqpCodec.ALTERNATE_PREFIX)) {
            Object id = headers.get(prefix + "id");
            if (id != null && !id.toString().isBlank()) {
                return id.toString();
            }
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static int attempts(Map<String, Object> headers, String reason) {
        Integer ours = count(headers.get(RabbitTaskTransport.ATTEMPTS_HEADER));
        if (ours != null && ours >= 1) {
            return ours;
        }
        if (reason.startsWith(BROKER_DELIVERY_LIMIT)) {
            return RabbitTaskTransport.DELIVERY_LIMIT + 1;
        }
        Integer counted = count(headers.get(InboundMessage.DELIVERIES_HEADER));
        if (counted == null) {
            counted = count(headers.get(InboundMessage.DELIVERY_COUNT_HEADER));
        }
        return counted == null ? 1 : counted + 1;
    }

    private static Integer count(Object value) {
        if (value instanceof Number number && number.longValue() >= 0 && number.longValue() < Integer.MAX_VALUE) {
            return number.intValue();
        }
        if (value != null) {
            try {
                return Integer.valueOf(value.toString().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "dead-lettered message " + messageId + (task == null ? " (not a task)" : " (task " + task.taskIndex() + " of job "
                + task.jobId() + ")") + ": " + reason;
    }
}
