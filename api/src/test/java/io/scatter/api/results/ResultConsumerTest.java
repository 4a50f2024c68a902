package io.scatter.api.results;

import com.rabbitmq.client.Channel;
import io.scatter.api.testing.TaskResultBuilder;
import io.scatter.contracts.TaskResultMessage;
import io.scatter.engine.result.ResultMessage;
import io.scatter.messaging.AmqpMessage;
import io.scatter.messaging.CloudEventAmqpCodec;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
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

import static io.scatter.api.testing.TaskResultBuilder.aResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

class ResultConsumerTest {

    private final Channel channel = mock(Channel.class);
    private final ResultProperties properties = new ResultProperties(64, Duration.ofMillis(20), 3);

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
        consumer.applyDelivered();

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

    @Test
    void resultsDeliveredTogetherAreAppliedTogetherAndAckedWithOneMultipleAck() throws Exception {
        List<List<String>> batches = new ArrayList<>();
        ResultConsumer consumer = new ResultConsumer(batchRecorder(batches, null), properties);

        enqueue(consumer, 1L, aResult().messageId("m-1"));
        enqueue(consumer, 2L, aResult().messageId("m-2"));
        enqueue(consumer, 3L, aResult().messageId("m-3"));
        consumer.applyDelivered();

        assertThat(batches).containsExactly(List.of("m-1", "m-2", "m-3"));
        verify(channel).basicAck(3L, true);
        verifyNoMoreInteractions(channel);
    }

    @Test
    void aBatchIsNoLargerThanTheBatchSizeAndTheRestWaitsForTheNext() throws Exception {
        List<List<String>> batches = new ArrayList<>();
        ResultConsumer consumer = new ResultConsumer(batchRecorder(batches, null), properties);
        for (long tag = 1; tag <= 5; tag++) {
            enqueue(consumer, tag, aResult().messageId("m-" + tag));
        }

        while (consumer.applyDelivered()) {
            // until nothing waits
        }

        assertThat(batches).containsExactly(List.of("m-1", "m-2", "m-3"), List.of("m-4", "m-5"));
        verify(channel).basicAck(3L, true);
        verify(channel).basicAck(5L, true);
    }

    @Test
    void aMalformedMessageAmongResultsIsDeadLetteredAloneAndTheOthersAreApplied() throws Exception {
        List<List<String>> batches = new ArrayList<>();
        ResultConsumer consumer = new ResultConsumer(batchRecorder(batches, null), properties);

        enqueue(consumer, 1L, aResult().messageId("m-1"));
        consumer.deliver(channel, 2L, new AMQP.BasicProperties.Builder().build(),
                "not a cloud event".getBytes(StandardCharsets.UTF_8));
        enqueue(consumer, 3L, aResult().messageId("m-3"));
        consumer.applyDelivered();

        assertThat(batches).containsExactly(List.of("m-1", "m-3"));
        InOrder settled = inOrder(channel);
        settled.verify(channel).basicReject(2L, false);
        settled.verify(channel).basicAck(3L, true);
    }

    @Test
    void aBatchThatCannotBeAppliedIsAppliedOneByOneAndOnlyTheBadResultIsDeadLettered() throws Exception {
        List<String> alone = new ArrayList<>();
        ResultConsumer consumer = new ResultConsumer(new ResultHandler() {
            @Override
            public void handle(String messageId, TaskResultMessage result) {
                if (messageId.equals("m-2")) {
                    throw new DataIntegrityViolationException("broken");
                }
                alone.add(messageId);
            }

            @Override
            public void handleAll(List<ResultMessage> results) {
                throw new DataIntegrityViolationException("broken");
            }
        }, properties);

        enqueue(consumer, 1L, aResult().messageId("m-1"));
        enqueue(consumer, 2L, aResult().messageId("m-2"));
        enqueue(consumer, 3L, aResult().messageId("m-3"));
        consumer.applyDelivered();

        assertThat(alone).containsExactly("m-1", "m-3");
        verify(channel).basicAck(1L, false);
        verify(channel).basicReject(2L, false);
        verify(channel).basicAck(3L, false);
        verifyNoMoreInteractions(channel);
    }

    @Test
    void whileTheDatabaseIsUnreachableABatchIsRetriedInPlaceAsAWhole() throws Exception {
        List<List<String>> batches = new ArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        ResultConsumer consumer = new ResultConsumer(batchRecorder(batches, () -> {
            if (calls.incrementAndGet() <= 2) {
                throw new CannotCreateTransactionException("no connection",
                        new CannotGetJdbcConnectionException("refused", new SQLException("refused", "08001")));
            }
        }), properties);

        enqueue(consumer, 1L, aResult().messageId("m-1"));
        enqueue(consumer, 2L, aResult().messageId("m-2"));
        consumer.applyDelivered();

        assertThat(calls).hasValue(3);
        assertThat(batches).containsExactly(List.of("m-1", "m-2"));
        verify(channel).basicAck(2L, true);
        verifyNoMoreInteractions(channel);
    }

    @Test
    void shuttingDownStopsRetryingABatchWithoutAckingOrRejecting() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        ResultConsumer[] consumer = new ResultConsumer[1];
        consumer[0] = new ResultConsumer(batchRecorder(new ArrayList<>(), () -> {
            if (calls.incrementAndGet() == 2) {
                consumer[0].disconnecting();
            }
            throw new CannotCreateTransactionException("database restarting");
        }), properties);

        enqueue(consumer[0], 1L, aResult().messageId("m-1"));
        enqueue(consumer[0], 2L, aResult().messageId("m-2"));
        consumer[0].applyDelivered();

        assertThat(calls).hasValue(2);
        verifyNoMoreInteractions(channel);
    }

    /** A handler that records each batch it committed, after {@code before} ran (it may throw). */
    private static ResultHandler batchRecorder(List<List<String>> batches, Runnable before) {
        return new ResultHandler() {
            @Override
            public void handle(String messageId, TaskResultMessage result) {
                handleAll(List.of(new ResultMessage(messageId, result)));
            }

            @Override
            public void handleAll(List<ResultMessage> results) {
                if (before != null) {
                    before.run();
                }
                batches.add(results.stream().map(ResultMessage::messageId).toList());
            }
        };
    }

    private void deliver(ResultConsumer consumer, TaskResultBuilder result) throws Exception {
        enqueue(consumer, 7L, result);
        consumer.applyDelivered();
    }

    private void enqueue(ResultConsumer consumer, long deliveryTag, TaskResultBuilder result) throws Exception {
        AmqpMessage message = CloudEventAmqpCodec.encode(result.event());
        consumer.deliver(channel, deliveryTag, message.properties(), message.body());
    }
}
