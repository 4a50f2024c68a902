package io.scatter.engine.store;

import io.scatter.contracts.TaskMessage;
import io.scatter.contracts.TaskResultMessage;
import io.scatter.core.job.Job;
import io.scatter.core.job.JobStatus;
import io.scatter.core.jobtype.JobTypes;
import io.scatter.engine.dispatch.JobDispatcher;
import io.scatter.engine.memory.InMemoryTaskTransport;
import io.scatter.engine.result.Aggregation;
import io.scatter.engine.result.ResultAggregator;
import io.scatter.engine.result.ResultMessage;
import io.scatter.engine.result.ResultOutcome;
import io.scatter.engine.testing.SumJobType;
import io.scatter.engine.transport.TransportException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static io.scatter.engine.testing.TaskResultBuilder.aResultOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How every {@link JobStore} adapter applies a batch of results through {@link ResultAggregator#applyAll}: in one
 * transaction, each job locked once, with the effect of the results applied one by one; an adapter's test extends
 * this class (from the engine's test jar), as it does {@link JobStoreContract}.
 */
public abstract class ResultBatchContract {

    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    private final JobTypes types = JobTypes.of(new SumJobType());
    private final List<UUID> locks = new ArrayList<>();
    private InMemoryTaskTransport transport;
    private JobStore store;
    private JobDispatcher dispatcher;
    private ResultAggregator aggregator;

    /** A new, empty store that knows the job types {@code types}. */
    protected abstract JobStore newStore(JobTypes types) throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = newStore(types);
        transport = new InMemoryTaskTransport();
        dispatcher = new JobDispatcher(types, store, transport, Clock.fixed(NOW, ZoneOffset.UTC));
        aggregator = new ResultAggregator(new LockCountingStore(store, locks));
    }

    @AfterEach
    void closeTransport() {
        transport.close();
    }

    @Test
    void aBatchWithTheSameMessageTwiceCountsItOnce() throws Exception {
        Submitted job = submit(2);

        List<Aggregation> applied = aggregator.applyAll(List.of(message("m-1", succeeded(job.task(0))),
                message("m-1", succeeded(job.task(0))), message("m-2", succeeded(job.task(1)))));

        assertThat(applied).extracting(Aggregation::outcome).containsExactly(ResultOutcome.APPLIED,
                ResultOutcome.DUPLICATE_MESSAGE, ResultOutcome.APPLIED);
        assertThat(sumOf(job)).isEqualTo(SumJobType.expectedSum(2));
    }

    @Test
    void aBatchSpanningTwoJobsLocksEachJobOnceAndAppliesAll() throws Exception {
        Submitted first = submit(3);
        Submitted second = submit(2);
        List<ResultMessage> batch = List.of(message(succeeded(first.task(0))), message(succeeded(second.task(1))),
                message(succeeded(first.task(2))), message(succeeded(second.task(0))),
                message(succeeded(first.task(1))));

        List<Aggregation> applied = aggregator.applyAll(batch);

        assertThat(applied).extracting(Aggregation::outcome).containsOnly(ResultOutcome.APPLIED);
        assertThat(locks).containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(locks).isSorted();
        assertThat(sumOf(first)).isEqualTo(SumJobType.expectedSum(3));
        assertThat(sumOf(second)).isEqualTo(SumJobType.expectedSum(2));
        assertThat(applied.get(0).job().status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void aFailedResultInABatchFailsTheJobAndLaterResultsOfItAreIgnored() throws Exception {
        Submitted job = submit(4);

        List<Aggregation> applied = aggregator.applyAll(List.of(message(succeeded(job.task(0))),
                message(aResultOf(job.task(2)).failedWith("boom").byWorker("w-1").build()),
                message(succeeded(job.task(1))), message(succeeded(job.task(3)))));

        assertThat(applied).extracting(Aggregation::outcome).containsExactly(ResultOutcome.APPLIED,
                ResultOutcome.APPLIED, ResultOutcome.TASK_ALREADY_FINISHED, ResultOutcome.TASK_ALREADY_FINISHED);
        assertThat(applied.get(1).failedTheJob()).isTrue();
        StoredJob stored = store.find(job.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(JobStatus.FAILED);
        assertThat(stored.error()).contains("task 2", "w-1", "boom");
        assertThat(stored.tasksDone()).isEqualTo(1);
        assertThat(tasksOf(job)).extracting(StoredTask::status).containsExactly(TaskStatus.SUCCEEDED,
                TaskStatus.CANCELLED, TaskStatus.FAILED, TaskStatus.CANCELLED);
    }

    @Test
    void aBatchAppliedAgainAfterACrashBeforeItsAckIsCountedOnce() throws Exception {
        Submitted job = submit(3);
        List<ResultMessage> batch = List.of(message(succeeded(job.task(0))), message(succeeded(job.task(2))));

        aggregator.applyAll(batch);
        List<Aggregation> again = aggregator.applyAll(batch);
        aggregator.applyAll(List.of(message(succeeded(job.task(1))), message(succeeded(job.task(0)))));

        assertThat(again).extracting(Aggregation::outcome).containsOnly(ResultOutcome.DUPLICATE_MESSAGE);
        assertThat(again.get(0).job().tasksDone()).isEqualTo(2);
        assertThat(sumOf(job)).isEqualTo(SumJobType.expectedSum(3));
    }

    @Test
    void resultsThatCannotCountAreDroppedAloneAndTheRestOfTheBatchCounts() throws Exception {
        Submitted job = submit(2);
        TaskMessage stray = new TaskMessage(UUID.randomUUID(), 0, 1, SumJobType.NAME, Map.of("value", 1L));
        TaskMessage beyond = new TaskMessage(job.id(), 2, 3, SumJobType.NAME, Map.of("value", 3L));
        TaskMessage wrongType = new TaskMessage(job.id(), 0, 2, "prime-count", Map.of());

        List<Aggregation> applied = aggregator.applyAll(List.of(message(succeeded(stray)),
                message(succeeded(job.task(0))), message(succeeded(beyond)), message(succeeded(wrongType)),
                message(succeeded(job.task(1)))));

        assertThat(applied).extracting(Aggregation::outcome).containsExactly(ResultOutcome.UNKNOWN_JOB,
                ResultOutcome.APPLIED, ResultOutcome.UNKNOWN_TASK, ResultOutcome.WRONG_TYPE, ResultOutcome.APPLIED);
        assertThat(applied.get(0).job()).isNull();
        assertThat(sumOf(job)).isEqualTo(SumJobType.expectedSum(2));
    }

    @Test
    void aBatchThatThrowsLeavesNothingBehindNotEvenItsMessageIds() throws Exception {
        Submitted job = submit(2);
        TaskResultMessage broken = aResultOf(job.task(1)).withResult(Map.of("sum", "many")).build();

        assertThatThrownBy(() -> aggregator.applyAll(List.of(message("m-1", succeeded(job.task(0))),
                message("m-2", broken)))).isInstanceOf(RuntimeException.class);

        assertThat(store.find(job.id()).orElseThrow().tasksDone()).isZero();
        assertThat(tasksOf(job)).extracting(StoredTask::status).containsOnly(TaskStatus.QUEUED);
        assertThat(aggregator.applyAll(List.of(message("m-1", succeeded(job.task(0))),
                message("m-2", succeeded(job.task(1)))))).extracting(Aggregation::outcome)
                .containsOnly(ResultOutcome.APPLIED);
        assertThat(sumOf(job)).isEqualTo(SumJobType.expectedSum(2));
    }

    /** A job submitted through the dispatcher, with the task messages it published. */
    private record Submitted(UUID id, List<TaskMessage> tasks) {

        TaskMessage task(int index) {
            return tasks.get(index);
        }
    }

    private Submitted submit(int numbers) throws TransportException {
        StoredJob job = dispatcher.submit(dispatcher.prepare(SumJobType.NAME, Map.of("numbers", numbers), Map.of()));
        List<TaskMessage> tasks = store.inTransaction(transaction -> transaction.tasks(job.id())).stream()
                .map(task -> new TaskMessage(job.id(), task.taskIndex(), job.tasksTotal(), SumJobType.NAME,
                        task.payload()))
                .toList();
        return new Submitted(job.id(), tasks);
    }

    private static ResultMessage message(TaskResultMessage result) {
        return message(UUID.randomUUID().toString(), result);
    }

    private static ResultMessage message(String messageId, TaskResultMessage result) {
        return new ResultMessage(messageId, result);
    }

    private static TaskResultMessage succeeded(TaskMessage task) {
        long value = task.payload().containsKey("value") ? ((Number) task.payload().get("value")).longValue() : 0;
        return aResultOf(task).withResult(Map.of("sum", value)).build();
    }

    private List<StoredTask> tasksOf(Submitted job) {
        return store.inTransaction(transaction -> transaction.tasks(job.id()));
    }

    private long sumOf(Submitted job) {
        StoredJob stored = store.find(job.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(JobStatus.SUCCEEDED);
        return ((Number) stored.result().get("sum")).longValue();
    }

    /** A store that notes each job its transactions lock, in order, and otherwise passes every call on. */
    private record LockCountingStore(JobStore store, List<UUID> locks) implements JobStore {

        @Override
        public <T> T inTransaction(Function<JobStoreTransaction, T> work) {
            return store.inTransaction(transaction -> work.apply(new Counting(transaction, locks)));
        }
    }

    private record Counting(JobStoreTransaction transaction, List<UUID> locks) implements JobStoreTransaction {

        @Override
        public void create(NewJob job) {
            transaction.create(job);
        }

        @Override
        public Optional<StoredJob> find(UUID jobId) {
            return transaction.find(jobId);
        }

        @Override
        public List<StoredTask> tasks(UUID jobId) {
            return transaction.tasks(jobId);
        }

        @Override
        public Optional<Job> lockJob(UUID jobId) {
            locks.add(jobId);
            return transaction.lockJob(jobId);
        }

        @Override
        public void save(Job job) {
            transaction.save(job);
        }

        @Override
        public boolean recordMessage(String messageId) {
            return transaction.recordMessage(messageId);
        }

        @Override
        public Set<String> recordMessages(List<String> messageIds) {
            return transaction.recordMessages(messageIds);
        }

        @Override
        public boolean finishTask(TaskResultMessage result) {
            return transaction.finishTask(result);
        }

        @Override
        public List<Boolean> finishTasks(List<TaskResultMessage> results) {
            return transaction.finishTasks(results);
        }

        @Override
        public int cancelQueuedTasks(UUID jobId) {
            return transaction.cancelQueuedTasks(jobId);
        }

        @Override
        public List<StoredTask> requeueTasks(UUID jobId) {
            return transaction.requeueTasks(jobId);
        }
    }
}
