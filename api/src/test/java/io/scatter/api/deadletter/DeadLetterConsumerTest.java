package io.scatter.api.deadletter;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.scatter.messaging.transport.DeadLetterMessage;
import io.scatter.messaging.transport.RabbitTaskTransport;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** The dead-letter consumer never drops a dead letter: it acks only what is stored. */
class DeadLetterConsumerTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private final Channel channel = mock(Channel.class);
    private final DeadLetterProperties properties = new DeadLetterProperties(16, Duration.ofMillis(20));
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void aDeadLetterIsAckedOnceStoredAndReadWithItsHeaders() throws Exception {
        List<DeadLetterMessage> handled = new ArrayList<>();
        DeadLetterConsumer consumer = consumer(message -> {
            handled.add(message);
            return DeadLetterHandler.Stored.STORED;
        }, message -> DeadLetterHandler.Stored.STORED);

        deliver(consumer);

        assertThat(handled).hasSize(1);
        assertThat(handled.get(0).messageId()).isEqualTo("m-1");
        assertThat(handled.get(0).reason()).isEqualTo("unknown job type 'x'");
        assertThat(handled.get(0).worker()).isEqualTo("w-1");
        assertThat(handled.get(0).attempts()).isEqualTo(2);
        assertThat(handled.get(0).task()).isNull();
        verify(channel).basicAck(7L, false);
    }

    @Test
    void whileTheDatabaseIsUnreachableTheDeadLetterIsRetriedInPlaceThenAcked() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        DeadLetterConsumer consumer = consumer(message -> {
            if (calls.incrementAndGet() <= 3) {
                throw new CannotCreateTransactionException("no connection",
                        new CannotGetJdbcConnectionException("refused", new SQLException("refused", "08001")));
            }
            return DeadLetterHandler.Stored.FAILED_THE_JOB;
        }, message -> {
            throw new AssertionError("not applied only after a failure retrying cannot fix");
        });

        deliver(consumer);

        assertThat(calls).hasValue(4);
        verify(channel).basicAck(7L, false);
        verify(channel, never()).basicReject(anyLong(), anyBoolean());
        verify(channel, never()).basicNack(anyLong(), anyBoolean(), anyBoolean());
    }

    @Test
    void aDeadLetterWhoseJobCannotBeFailedIsStoredWithoutFailingItAndAcked() throws Exception {
        List<DeadLetterMessage> storedOnly = new ArrayList<>();
        DeadLetterConsumer consumer = consumer(message -> {
            throw new IllegalStateException("a stored job has the type 'gone', which this API does not have");
        }, message -> {
            storedOnly.add(message);
            return DeadLetterHandler.Stored.STORED;
        });

        deliver(consumer);

        assertThat(storedOnly).hasSize(1);
        verify(channel).basicAck(7L, false);
    }

    @Test
    void aDeadLetterThatCannotBeStoredAtAllGoesBackToTheQueueNeverDropped() throws Exception {
        DeadLetterConsumer consumer = consumer(message -> {
            throw new DataIntegrityViolationException("broken");
        }, message -> {
            throw new DataIntegrityViolationException("still broken");
        });

        deliver(consumer);

        verify(channel).basicNack(7L, false, true);
        verify(channel, never()).basicAck(anyLong(), anyBoolean());
        verify(channel, never()).basicReject(anyLong(), anyBoolean());
    }

    @Test
    void shuttingDownStopsRetryingWithoutAckingOrRejecting() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        DeadLetterConsumer[] consumer = new DeadLetterConsumer[1];
        consumer[0] = consumer(message -> {
            if (calls.incrementAndGet() == 2) {
                consumer[0].disconnecting();
            }
            throw new CannotCreateTransactionException("database restarting");
        }, message -> DeadLetterHandler.Stored.STORED);

        deliver(consumer[0]);

        assertThat(calls).hasValue(2);
        verify(channel, never()).basicAck(anyLong(), anyBoolean());
        verify(channel, never()).basicReject(anyLong(), anyBoolean());
        verify(channel, never()).basicNack(anyLong(), anyBoolean(), anyBoolean());
    }

    private DeadLetterConsumer consumer(Function<DeadLetterMessage, DeadLetterHandler.Stored> handle,
                                        Function<DeadLetterMessage, DeadLetterHandler.Stored> storeOnly) {
        return new DeadLetterConsumer(new DeadLetterHandler() {
            @Override
            public Stored handle(DeadLetterMessage message) {
                return handle.apply(message);
            }

            @Override
            public Stored storeOnly(DeadLetterMessage message) {
                return storeOnly.apply(message);
            }
        }, properties, clock);
    }

    private void deliver(DeadLetterConsumer consumer) throws Exception {
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().messageId("m-1")
                .headers(Map.of(RabbitTaskTransport.REASON_HEADER, "unknown job type 'x'",
                        RabbitTaskTransport.ATTEMPTS_HEADER, 2, RabbitTaskTransport.WORKER_HEADER, "w-1"))
                .build();
        consumer.deliver(channel, 7L, properties, "not a task".getBytes(StandardCharsets.UTF_8));
    }
}
