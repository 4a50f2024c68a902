package io.scatter.api.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.Channel;
import io.scatter.api.testing.ApiClient;
import io.scatter.api.testing.ApiEnvironment;
import io.scatter.api.testing.ApiTest;
import io.scatter.api.testing.TaskResultBuilder;
import io.scatter.contracts.JobCancelledMessage;
import io.scatter.messaging.AmqpMessage;
import io.scatter.messaging.CloudEventAmqpCodec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.scatter.api.testing.JobRequestBuilder.aPrimeCountJob;
import static io.scatter.api.testing.TaskResultBuilder.aResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

/** Results delivered together are applied on PostgreSQL in one transaction, with the effect of one by one. */
@ApiTest
class BatchedResultsTest {

    static final ApiEnvironment environment = ApiEnvironment.withoutBroker();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        environment.register(registry);
    }

    private final ApiClient api;
    private final JdbcClient jdbc;
    private final ResultHandler handler;
    private final Channel channel = mock(Channel.class);

    @Autowired
    BatchedResultsTest(@LocalServerPort int port, JdbcClient jdbc, ResultHandler handler) {
        this.api = new ApiClient(port);
        this.jdbc = jdbc;
        this.handler = handler;
    }

    @Test
    void aBatchWithTheSameMessageTwiceCountsItOnce() throws Exception {
        String id = api.submit(aPrimeCountJob().tasks(2).json());
        ResultConsumer consumer = consumer();

        enqueue(consumer, 1, aResult().messageId("twice-1").job(id).task(0).result(Map.of("count", 5)));
        enqueue(consumer, 2, aResult().messageId("twice-1").job(id).task(0).result(Map.of("count", 5)));
        enqueue(consumer, 3, aResult().messageId("twice-2").job(id).task(1).result(Map.of("count", 7)));
        consumer.applyDelivered();

        JsonNode job = api.job(id);
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("result").get("count").asLong()).isEqualTo(12);
        verify(channel).basicAck(3L, true);
        verifyNoMoreInteractions(channel);
    }

    @Test
    void aBatchSpanningTwoJobsAppliesAllOfBoth() throws Exception {
        String first = api.submit(aPrimeCountJob().tasks(2).json());
        String second = api.submit(aPrimeCountJob().tasks(2).json());
        ResultConsumer consumer = consumer();

        enqueue(consumer, 1, aResult().job(second).task(1).result(Map.of("count", 1)));
        enqueue(consumer, 2, aResult().job(first).task(0).result(Map.of("count", 2)));
        enqueue(consumer, 3, aResult().job(second).task(0).result(Map.of("count", 3)));
        enqueue(consumer, 4, aResult().job(first).task(1).result(Map.of("count", 4)));
        consumer.applyDelivered();

        assertThat(api.job(first).get("result").get("count").asLong()).isEqualTo(6);
        assertThat(api.job(second).get("result").get("count").asLong()).isEqualTo(4);
        verify(channel).basicAck(4L, true);
    }

    @Test
    void aResultThatCannotBeAppliedIsDeadLetteredAloneAndTheRestOfItsBatchIsApplied() throws Exception {
        String id = api.submit(aPrimeCountJob().tasks(3).json());
        ResultConsumer consumer = consumer();

        enqueue(consumer, 1, aResult().messageId("good-1").job(id).task(0).result(Map.of("count", 2)));
        enqueue(consumer, 2, aResult().messageId("bad-1").job(id).task(1).result(Map.of("count", "many")));
        enqueue(consumer, 3, aResult().messageId("good-2").job(id).task(2).result(Map.of("count", 3)));
        consumer.applyDelivered();

        verify(channel).basicAck(1L, false);
        verify(channel).basicReject(2L, false);
        verify(channel).basicAck(3L, false);
        verifyNoMoreInteractions(channel);
        assertThat(api.job(id).get("progress").get("tasksDone").asInt()).isEqualTo(2);
        assertThat(inboxed("good-1", "bad-1", "good-2")).containsExactlyInAnyOrder("good-1", "good-2");
        assertThat(taskStatuses(id)).containsExactly("SUCCEEDED", "QUEUED", "SUCCEEDED");
    }

    @Test
    void aFailedResultInABatchFailsTheJobAndLaterResultsOfItAreIgnored() throws Exception {
        String id = api.submit(aPrimeCountJob().tasks(4).json());
        ResultConsumer consumer = consumer();

        enqueue(consumer, 1, aResult().job(id).task(0).result(Map.of("count", 2)));
        enqueue(consumer, 2, aResult().job(id).task(1).failed("disk full"));
        enqueue(consumer, 3, aResult().job(id).task(2).result(Map.of("count", 3)));
        enqueue(consumer, 4, aResult().job(id).task(3).failed("disk full again"));
        consumer.applyDelivered();

        JsonNode job = api.job(id);
        assertThat(job.get("status").asText()).isEqualTo("FAILED");
        assertThat(job.get("progress").get("tasksDone").asInt()).isEqualTo(1);
        assertThat(taskStatuses(id)).containsExactly("SUCCEEDED", "FAILED", "CANCELLED", "CANCELLED");
        assertThat(jdbc.sql("SELECT type FROM outbox WHERE subject = ? AND type = ?")
                .params(id, JobCancelledMessage.TYPE).query(String.class).list()).hasSize(1);
        verify(channel).basicAck(4L, true);
    }

    @Test
    void aWholeBatchDeliveredAgainAfterACrashBeforeItsAckIsCountedOnce() throws Exception {
        String id = api.submit(aPrimeCountJob().tasks(3).json());
        List<TaskResultBuilder> batch = List.of(aResult().job(id).task(0).result(Map.of("count", 2)),
                aResult().job(id).task(2).result(Map.of("count", 3)));
        ResultConsumer crashing = consumer();
        doThrow(new IOException("connection reset")).when(channel).basicAck(anyLong(), anyBoolean());
        enqueue(crashing, 1, batch.get(0));
        enqueue(crashing, 2, batch.get(1));
        assertThatThrownBy(crashing::applyDelivered).isInstanceOf(IOException.class);
        ResultConsumer restarted = new ResultConsumer(handler, new ResultProperties(64, Duration.ofMillis(20), 64));
        Channel recovered = mock(Channel.class);

        for (int tag = 0; tag < batch.size(); tag++) {
            enqueue(restarted, recovered, tag + 1, batch.get(tag));
        }
        enqueue(restarted, recovered, 3, aResult().job(id).task(1).result(Map.of("count", 4)));
        restarted.applyDelivered();

        JsonNode job = api.job(id);
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("result").get("count").asLong()).isEqualTo(9);
        verify(recovered).basicAck(3L, true);
    }

    private ResultConsumer consumer() {
        return new ResultConsumer(handler, new ResultProperties(64, Duration.ofMillis(20), 64));
    }

    private void enqueue(ResultConsumer consumer, long tag, TaskResultBuilder result) throws Exception {
        enqueue(consumer, channel, tag, result);
    }

    private static void enqueue(ResultConsumer consumer, Channel on, long tag, TaskResultBuilder result)
            throws Exception {
        AmqpMessage message = CloudEventAmqpCodec.encode(result.event());
        consumer.deliver(on, tag, message.properties(), message.body());
    }

    private List<String> inboxed(String... messageIds) {
        return jdbc.sql("SELECT message_id FROM inbox WHERE message_id IN (:ids)").param("ids", List.of(messageIds))
                .query(String.class).list();
    }

    private List<String> taskStatuses(String jobId) {
        return jdbc.sql("SELECT status FROM tasks WHERE job_id = ? ORDER BY task_index").param(UUID.fromString(jobId))
                .query(String.class).list();
    }
}
