package io.scatter.api.results;

import com.rabbitmq.client.Channel;
import io.scatter.api.testing.TaskResultBuilder;
import io.scatter.contracts.TaskResultMessage;
import io.scatter.messaging.AmqpMessage;
import io.scatter.messaging.CloudEventAmqpCodec;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import com.rabbitmq.client.AMQP;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

class ResultConsumerTest {

    private final Channel channel = mock(Channel.class);
    private final ResultProperties properties = new ResultProperties(64, Duration.ofMillis(20));

    @Test
    void aResultIsAckedAfterTheHandlerReturned() throws Exception {
        List<String> handled = new ArrayList<>();
        ResultConsumer consumer = new ResultConsumer((id, result) -> handled.add(id), properties);

        deliver(consumer, TaskResultBuilder.aResult().messageId("m-1"));

        assertThat(handled).containsExactly("m-1");
        verify(channel).basicAck(7L, false);
    }

    @Test
    void whileTheDatabaseIsUnreachableTheResultIsRetriedInPlaceThenAcked() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        ResultConsumer consumer = new ResultConsumer((id, result) -> {
            if (calls.incrementAndGet() <= 3) {
                throw new CannotCreateTransactionException("no connection",
                        new CannotGetJdbcConnectionException("refused", new SQLException("refused", "08001")));
            }
        }, properties);

        deliver(consumer, TaskResultBuilder.aResult());

        assertThat(calls).hasValue(4);
        verify(channel).basicAck(7L, false);
        verify(channel, never()).basicReject(anyLong(), anyBoolean());
        verify(channel, never()).basicNack(anyLong(), anyBoolean(), anyBoolean());
    }

    @Test
    void aResultThatCanNeverBeAppliedIsDeadLettered() throws Exception {
        ResultConsumer consumer = new ResultConsumer((id, result) -> {
            throw new DataIntegrityViolationException("broken");
        }, properties);

        deliver(consumer, TaskResultBuilder.aResult());

        verify(channel).basicReject(7L, false);
        verify(channel, never()).basicAck(anyLong(), anyBoolean());
    }

    @Test
    void aMalformedMessageIsDeadLetteredWithoutReachingTheHandler() throws Exception {
        List<TaskResultMessage> handled = new ArrayList<>();
        ResultConsumer consumer = new ResultConsumer((id, result) -> handled.add(result), properties);

        consumer.deliver(channel, 7L, new AMQP.BasicProperties.Builder().build(),
                "not a cloud event".getBytes(StandardCharsets.UTF_8));

        assertThat(handled).isEmpty();
        verify(channel).basicReject(7L, false);
    }

    @Test
    void shuttingDownStopsRetryingWithoutAckingOrRejecting() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        ResultConsumer[] consumer = new ResultConsumer[1];
        consumer[0] = new ResultConsumer((id, result) -> {
            if (calls.incrementAndGet() == 2) {
                consumer[0].disconnecting();
            }
            throw new CannotCreateTransactionException("database restarting");
        }, properties);

        deliver(consumer[0], TaskResultBuilder.aResult());

        assertThat(calls).hasValue(2);
        verify(channel, never()).basicAck(anyLong(), anyBoolean());
        verify(channel, never()).basicReject(anyLong(), anyBoolean());
    }

    private void deliver(ResultConsumer consumer, TaskResultBuilder result) throws Exception {
        AmqpMessage message = CloudEventAmqpCodec.encode(result.event());
        consumer.deliver(channel, 7L, message.properties(), message.body());
    }
}
