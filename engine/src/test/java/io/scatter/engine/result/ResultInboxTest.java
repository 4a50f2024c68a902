package io.scatter.engine.result;

import io.scatter.contracts.TaskMessage;
import io.scatter.core.job.JobStatus;
import io.scatter.core.jobtype.JobTypes;
import io.scatter.engine.dispatch.JobDispatcher;
import io.scatter.engine.memory.InMemoryJobStore;
import io.scatter.engine.memory.InMemoryTaskTransport;
import io.scatter.engine.store.JobStore;
import io.scatter.engine.store.JobStoreTransaction;
import io.scatter.engine.store.StoredJob;
import io.scatter.engine.testing.SumJobType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import static io.scatter.engine.testing.TaskResultBuilder.aResultOf;
import static org.assertj.core.api.Assertions.assertThat;

class ResultInboxTest {

    private final InMemoryTaskTransport transport = new InMemoryTaskTransport();
    private final InMemoryJobStore store = new InMemoryJobStore();
    private final JobDispatcher dispatcher = new JobDispatcher(JobTypes.of(new SumJobType()), store, transport,
            Clock.systemUTC());
    private final List<Aggregation> heard = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        transport.close();
    }

    @Test
    void anAppliedResultIsAckedAndThenReported() throws Exception {
        TaskMessage task = firstTaskOf(submit(2));
        FakeResultDelivery delivery = new FakeResultDelivery("m-1",
                aResultOf(task).withResult(Map.of("sum", 1L)).build());

        inbox(store).handle(delivery);

        assertThat(delivery.settled()).isEqualTo(FakeResultDelivery.Settled.ACKED);
        assertThat(heard).extracting(Aggregation::outcome).containsExactly(ResultOutcome.APPLIED);
        assertThat(heard.get(0).job().tasksDone()).isEqualTo(1);
    }

    @Test
    void aRedeliveredResultIsAckedAndChangesNothing() throws Exception {
        TaskMessage task = firstTaskOf(submit(2));
        ResultInbox inbox = inbox(store);
        inbox.handle(new FakeResultDelivery("m-1", aResultOf(task).withResult(Map.of("sum", 1L)).build()));
        FakeResultDelivery again = new FakeResultDelivery("m-1", aResultOf(task).withResult(Map.of("sum", 1L)).build());

        inbox.handle(again);

        assertThat(again.settled()).isEqualTo(FakeResultDelivery.Settled.ACKED);
        assertThat(heard).extracting(Aggregation::outcome)
                .containsExactly(ResultOutcome.APPLIED, ResultOutcome.DUPLICATE_MESSAGE);
        assertThat(heard.get(1).job().tasksDone()).isEqualTo(1);
    }

    @Test
    void aResultThatFailsItsJobTellsTheWorkersToSkipTheJobsOtherTasks() throws Exception {
        StoredJob job = submit(3);
        Set<UUID> cancelled = ConcurrentHashMap.newKeySet();
        transport.onCancel(cancelled::add);

        inbox(store).handle(new FakeResultDelivery("m-1", aResultOf(firstTaskOf(job)).failedWith("boom").build()));

        assertThat(heard.get(0).job().status()).isEqualTo(JobStatus.FAILED);
        assertThat(cancelled).containsExactly(job.id());
    }

    @Test
    void aResultTheStoreCannotTakeGoesBackToTheQueueAndIsNotReported() throws Exception {
        TaskMessage task = firstTaskOf(submit(1));
        JobStore down = new JobStore() {
            @Override
            public <T> T inTransaction(Function<JobStoreTransaction, T> work) {
                throw new IllegalStateException("the database is down");
            }
        };
        FakeResultDelivery delivery = new FakeResultDelivery("m-1", aResultOf(task).build());

        inbox(down).handle(delivery);

        assertThat(delivery.settled()).isEqualTo(FakeResultDelivery.Settled.REQUEUED);
        assertThat(heard).isEmpty();
    }

    private ResultInbox inbox(JobStore on) {
        return new ResultInbox(transport, new ResultAggregator(on), heard::add);
    }

    private StoredJob submit(int numbers) throws Exception {
        return dispatcher.submit(dispatcher.prepare(SumJobType.NAME, Map.of("numbers", numbers), Map.of()));
    }

    private TaskMessage firstTaskOf(StoredJob job) {
        return new TaskMessage(job.id(), 0, job.tasksTotal(), SumJobType.NAME, Map.of("value", 1L));
    }
}
