package io.scatter.messaging.transport;

import com.rabbitmq.client.AMQP;
import io.scatter.messaging.MessageSigning;

import java.util.Objects;
import java.util.Optional;

/**
 * What a task message must pass before it is read at all: a body no larger than {@code maxBodyBytes}, and a valid
 * signature when {@code signing} has a key. A message that fails is dead-lettered with the reason, never computed.
 */
public record TaskAdmission(int maxBodyBytes, MessageSigning signing) {

    /** The default body limit: 64 KiB, far above any task Scatter's own types make. */
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    /** 64 KiB bodies, no signatures. */
    public static final TaskAdmission DEFAULTS = new TaskAdmission(DEFAULT_MAX_BODY_BYTES, MessageSigning.OFF);

    public TaskAdmission {
        Objects.requireNonNull(signing, "signing");
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, got " + maxBodyBytes);
        }
    }

    /** Why a delivered message is refused, one line, or empty when it may be read. */
    public Optional<String> refusal(AMQP.BasicProperties properties, byte[] body) {
        int size = body == null ? 0 : body.length;
        if (size > maxBodyBytes) {
            return Optional.of("message body of " + size + " bytes exceeds the limit of " + maxBodyBytes + " bytes");
        }
        return signing.refusal(properties, body);
    }
}
