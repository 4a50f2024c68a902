package io.scatter.engine.result;

import io.scatter.contracts.TaskMessage;
import io.scatter.core.jobtype.JobTypes;
import io.scatter.engine.dispatch.JobDispatcher;
import io.scatter.engine.memory.InMemoryJobStore;
import io.scatter.engine.memory.InMemoryTaskTransport;
import io.scatter.engine.store.StoredJob;
import io.scatter.engine.testing.SumJobType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.scatter.engine.testing.TaskResultBuilder.aResultOf;
import static org.assertj.core.api.Assertions.assertThat;

class TaskRecoveryTest {

    private final InMemoryTaskTransport transport = new InMemoryTaskTransport();
    private final InMemoryJobStore store = new InMemoryJobStore();
    private final JobDispatcher dispatcher = new JobDispatcher(JobTypes.of(new SumJobType()), store, transport,
            Clock.systemUTC());
    private final ResultAggregator aggregator = new ResultAggregator(store);
    private final TaskRecovery recovery = new TaskRecovery(store);

    @AfterEach
    void close() {
        transport.close();
    }

    @Test
    void onlyTheTasksStillQueuedAreRecoveredWithTheirPayloads() throws Exception {
        StoredJob job = submit(3);
        aggregator.apply("m-1", aResultOf(task(job, 1)).withResult(Map.of("sum", 2L)).build());

        List<TaskMessage> again = recovery.stillQueued(job.id(), List.of(0, 1, 2), index -> false);

        assertThat(again).extracting(TaskMessage::taskIndex).containsExactly(0, 2);
        assertThat(again.get(0)).isEqualTo(task(job, 0));
    }

    @Test
    void aTaskAnotherReplicaAlreadyRecoveredIsLeftAlone() throws Exception {
        StoredJob job = submit(2);

        assertThat(recovery.stillQueued(job.id(), List.of(0, 1), index -> index == 1))
                .extracting(TaskMessage::taskIndex).containsExactly(0);
    }

    @Test
    void nothingIsRecoveredForAFinishedOrUnknownJob() throws Exception {
        StoredJob job = submit(2);
        dispatcher.cancel(job.id());

        assertThat(recovery.stillQueued(job.id(), List.of(0, 1), index -> false)).isEmpty();
        assertThat(recovery.stillQueued(UUID.randomUUID(), List.of(0), index -> false)).isEmpty();
    }

    private StoredJob submit(int numbers) throws Exception {
        return dispatcher.submit(dispatcher.prepare(SumJobType.NAME, Map.of("numbers", numbers), Map.of()));
    }

    private static TaskMessage task(StoredJob job, int index) {
        return new TaskMessage(job.id(), index, job.tasksTotal(), SumJobType.NAME, Map.of("value", index + 1L));
    }
}
