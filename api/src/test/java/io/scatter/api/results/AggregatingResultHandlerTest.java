package io.scatter.api.results;

import io.scatter.api.outbox.Outbox;
import io.scatter.api.testing.ApiClient;
import io.scatter.api.testing.ApiEnvironment;
import io.scatter.api.testing.ApiTest;
import io.scatter.contracts.JobCancelledMessage;
import io.scatter.contracts.TaskMessage;
import io.scatter.contracts.TaskResultMessage;
import io.scatter.engine.result.ResultAggregator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.UUID;

import static io.scatter.api.testing.JobRequestBuilder.aPrimeCountJob;
import static io.scatter.api.testing.TaskResultBuilder.aResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

/** A result that fails its job withdraws the job's tasks through the outbox, in the transaction that applies it. */
@ApiTest
class AggregatingResultHandlerTest {

    static final ApiEnvironment environment = ApiEnvironment.withoutBroker();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        environment.register(registry);
    }

    private final ApiClient api;
    private final JdbcClient jdbc;
    private final ResultHandler handler;
    private final ResultAggregator aggregator;
    private final TransactionTemplate transactions;

    @Autowired
    AggregatingResultHandlerTest(@LocalServerPort int port, JdbcClient jdbc, ResultHandler handler,
                                 ResultAggregator aggregator, TransactionTemplate transactions) {
        this.api = new ApiClient(port);
        this.jdbc = jdbc;
        this.handler = handler;
        this.aggregator = aggregator;
        this.transactions = transactions;
    }

    @Test
    void aFailedResultWithdrawsTheJobsUnsentTasksAndQueuesTheCancelBroadcast() {
        String id = api.submit(aPrimeCountJob().tasks(3).json());

        handler.handle("failure-1", aResult().job(id).task(1).worker("w-3").failed("disk full").message());

        assertThat(api.job(id).get("status").asText()).isEqualTo("FAILED");
        assertThat(outboxTypes(id)).containsExactly(JobCancelledMessage.TYPE);
    }

    @Test
    void aRedeliveredFailedResultQueuesNoSecondBroadcast() {
        String id = api.submit(aPrimeCountJob().tasks(2).json());
        TaskResultMessage failure = aResult().job(id).task(0).failed("disk full").message();

        handler.handle("failure-2", failure);
        handler.handle("failure-2", failure);
        handler.handle("failure-3", failure);

        assertThat(outboxTypes(id)).containsExactly(JobCancelledMessage.TYPE);
    }

    @Test
    void aSucceededResultLeavesTheOutboxAlone() {
        String id = api.submit(aPrimeCountJob().tasks(2).json());

        handler.handle("success-1", aResult().job(id).task(0).message());

        assertThat(api.job(id).get("status").asText()).isEqualTo("RUNNING");
        assertThat(outboxTypes(id)).containsExactly(TaskMessage.TYPE, TaskMessage.TYPE);
    }

    @Test
    void whenTheCancelBroadcastCannotBeQueuedTheFailedResultIsNotAppliedEither() {
        String id = api.submit(aPrimeCountJob().tasks(2).json());
        Outbox brokenOutbox = mock(Outbox.class);
        doThrow(new IllegalStateException("outbox unavailable")).when(brokenOutbox).enqueueJobCancelled(any());
        ResultHandler failing = new AggregatingResultHandler(aggregator, brokenOutbox, transactions, List.of());

        assertThatThrownBy(() -> failing.handle("failure-4", aResult().job(id).task(0).failed("boom").message()))
                .hasMessage("outbox unavailable");

        assertThat(api.job(id).get("status").asText()).isEqualTo("QUEUED");
        assertThat(jdbc.sql("SELECT count(*) FROM inbox WHERE message_id = 'failure-4'").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT status FROM tasks WHERE job_id = ? ORDER BY task_index").param(UUID.fromString(id))
                .query(String.class).list()).containsOnly("QUEUED");
    }

    private List<String> outboxTypes(String jobId) {
        return jdbc.sql("SELECT type FROM outbox WHERE subject = ? ORDER BY seq").param(jobId).query(String.class)
                .list();
    }
}
