package io.scatter.engine.store;

import io.scatter.contracts.TaskMessage;
import io.scatter.contracts.TaskResultMessage;
import io.scatter.core.job.Job;
import io.scatter.core.job.JobStatus;
import io.scatter.core.jobtype.JobTypes;
import io.scatter.engine.dispatch.JobDispatcher;
import io.scatter.engine.memory.InMemoryTaskTransport;
import io.scatter.engine.result.Aggregation;
import io.scatter.engine.result.JobRetry;
import io.scatter.engine.result.ResultAggregator;
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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static io.scatter.engine.testing.TaskResultBuilder.aResultOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The behaviour every {@link JobStore} adapter shares, driven through the real {@link JobDispatcher} and
 * {@link ResultAggregator}; an adapter's test extends this class (from the engine's test jar).
 *
 * <pre>{@code
 * class InMemoryJobStoreTest extends JobStoreContract {
 *     protected JobStore newStore(JobTypes types) {
 *         return new InMemoryJobStore();
 *     }
 * }
 * }</pre>
 *
 * <p>Jobs are of the {@link SumJobType}, whose answer changes if any task is lost or counted twice. Numbers are read
 * as {@link Number}, so adapters that store JSON pass too.
 */
public abstract class JobStoreContract {

    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    private final JobTypes types = JobTypes.of(new SumJobType());
    private InMemoryTaskTransport transport;
    private JobStore store;
    private JobDispatcher dispatcher;
    private ResultAggregator aggregator;
    private JobRetry retries;

    /** A new, empty store that knows the job types {@code types}. */
    protected abstract JobStore newStore(JobTypes types) throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = newStore(types);
        transport = new InMemoryTaskTransport();
        dispatcher = new JobDispatcher(types, store, transport, Clock.fixed(NOW, ZoneOffset.UTC));
        aggregator = new ResultAggregator(store);
        retries = new JobRetry(store, Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC));
    }

    @AfterEach
    void closeTransport() {
        transport.close();
    }

    @Test
    void aSubmittedJobIsStoredQueuedWithEveryTaskQueued() throws Exception {
        Submitted job = submit(3);

        StoredJob stored = store.find(job.id()).orElseThrow();
        assertThat(stored.type()).isEqualTo(SumJobType.NAME);
        assertThat(stored.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(stored.tasksTotal()).isEqualTo(3);
        assertThat(stored.tasksDone()).isZero();
        assertThat(((Number) stored.input().get("numbers")).longValue()).isEqualTo(3);
        assertThat(stored.createdAt()).isEqualTo(NOW);
        assertThat(stored.result()).isNull();
        assertThat(tasksOf(job)).extracting(StoredTask::status).containsOnly(TaskStatus.QUEUED).hasSize(3);
        assertThat(tasksOf(job)).extracting(StoredTask::taskIndex).containsExactly(0, 1, 2);
    }

    @Test
    void theLastResultCompletesTheJobWithTheCombinedResult() throws Exception {
        Submitted job = submit(4);

        List<Aggregation> applied = job.tasks().stream()
                .map(task -> apply(succeeded(task)))
                .collect(Collectors.toList());

        assertThat(applied).extracting(Aggregation::outcome).containsOnly(ResultOutcome.APPLIED);
        assertThat(applied.get(0).job().status()).isEqualTo(JobStatus.RUNNING);
        assertThat(applied.get(3).job().status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(applied.get(3).endedTheJob()).isTrue();
        assertThat(sumOf(job)).isEqualTo(SumJobType.expectedSum(4));
    }

    @Test
    void aDuplicateMessageIdIsCountedOnce() throws Exception {
        Submitted job = submit(2);
        TaskResultMessage first = succeeded(job.task(0));

        ResultOutcome once = aggregator.apply("message-1", first).outcome();
        ResultOutcome twice = aggregator.apply("message-1", first).outcome();
        apply(succeeded(job.task(1)));

        assertThat(once).isEqualTo(ResultOutcome.APPLIED);
        assertThat(twice).isEqualTo(ResultOutcome.DUPLICATE_MESSAGE);
        assertThat(sumOf(job)).isEqualTo(SumJobType.expectedSum(2));
    }

    @Test
    void aTaskFinishedTwiceUnderDifferentMessageIdsIsCountedOnce() throws Exception {
        Submitted job = submit(2);

        ResultOutcome first = apply(succeeded(job.task(0))).outcome();
        Aggregation again = apply(aResultOf(job.task(0)).withResult(Map.of("sum", 1L)).attempt(2).build());
        apply(succeeded(job.task(1)));

        assertThat(first).isEqualTo(ResultOutcome.APPLIED);
        assertThat(again.outcome()).isEqualTo(ResultOutcome.TASK_ALREADY_FINISHED);
        assertThat(again.job().tasksDone()).isEqualTo(1);
        assertThat(sumOf(job)).isEqualTo(SumJobType.expectedSum(2));
    }

    @Test
    void resultsArrivingInAnyOrderGiveTheSameAnswer() throws Exception {
        Random random = new Random(42);
        for (int round = 0; round < 5; round++) {
            Submitted job = submit(12);
            List<TaskMessage> order = new ArrayList<>(job.tasks());
            Collections.shuffle(order, random);

            order.forEach(task -> apply(succeeded(task)));

            assertThat(store.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(sumOf(job)).isEqualTo(SumJobType.expectedSum(12));
        }
    }

    @Test
    void resultsArrivingAfterACancelAreIgnored() throws Exception {
        Submitted job = submit(3);
        apply(succeeded(job.task(0)));

        StoredJob cancelled = dispatcher.cancel(job.id()).orElseThrow();
        Aggregation late = apply(succeeded(job.task(1)));

        assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(late.outcome()).isEqualTo(ResultOutcome.TASK_ALREADY_FINISHED);
        StoredJob stored = store.find(job.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(stored.tasksDone()).isEqualTo(1);
        assertThat(stored.finishedAt()).isEqualTo(NOW);
        assertThat(tasksOf(job)).extracting(StoredTask::status)
                .containsExactly(TaskStatus.SUCCEEDED, TaskStatus.CANCELLED, TaskStatus.CANCELLED);
    }

    @Test
    void cancellingAJobThatEndedChangesNothing() throws Exception {
        Submitted job = submit(1);
        apply(succeeded(job.task(0)));

        StoredJob afterCancel = dispatcher.cancel(job.id()).orElseThrow();

        assertThat(afterCancel.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(sumOf(job)).isEqualTo(1);
        assertThat(dispatcher.cancel(UUID.randomUUID())).isEmpty();
    }

    @Test
    void aFailedResultFailsTheJobAndCancelsItsQueuedTasks() throws Exception {
        Submitted job = submit(3);
        apply(succeeded(job.task(0)));

        Aggregation failure = apply(aResultOf(job.task(1)).failedWith("ArithmeticException: / by zero")
                .byWorker("w-2").build());
        Aggregation late = apply(succeeded(job.task(2)));

        assertThat(failure.outcome()).isEqualTo(ResultOutcome.APPLIED);
        assertThat(failure.failedTheJob()).isTrue();
        assertThat(late.outcome()).isEqualTo(ResultOutcome.TASK_ALREADY_FINISHED);
        StoredJob stored = store.find(job.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(JobStatus.FAILED);
        assertThat(stored.error()).contains("task 1", "w-2", "ArithmeticException: / by zero");
        assertThat(stored.result()).isNull();
        assertThat(tasksOf(job)).extracting(StoredTask::status)
                .containsExactly(TaskStatus.SUCCEEDED, TaskStatus.FAILED, TaskStatus.CANCELLED);
        assertThat(tasksOf(job).get(1).error()).isEqualTo("ArithmeticException: / by zero");
    }

    @Test
    void aFinishedTaskKeepsItsResultWorkerAndAttempt() throws Exception {
        Submitted job = submit(2);

        apply(aResultOf(job.task(1)).withResult(Map.of("sum", 2L)).byWorker("local-3").attempt(2).build());

        StoredTask task = tasksOf(job).get(1);
        assertThat(task.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(((Number) task.result().get("sum")).longValue()).isEqualTo(2);
        assertThat(task.worker()).isEqualTo("local-3");
        assertThat(task.attempt()).isEqualTo(2);
        assertThat(task.finishedAt()).isNotNull();
        assertThat(((Number) task.payload().get("value")).longValue()).isEqualTo(2);
    }

    @Test
    void aResultForAnUnknownJobIsDropped() {
        TaskMessage stray = new TaskMessage(UUID.randomUUID(), 0, 1, SumJobType.NAME, Map.of("value", 1L));

        Aggregation dropped = apply(succeeded(stray));

        assertThat(dropped.outcome()).isEqualTo(ResultOutcome.UNKNOWN_JOB);
        assertThat(dropped.job()).isNull();
    }

    @Test
    void aResultOfAnotherJobTypeIsDropped() throws Exception {
        Submitted job = submit(1);
        TaskMessage wrongType = new TaskMessage(job.id(), 0, 1, "prime-count", Map.of());

        Aggregation dropped = apply(succeeded(wrongType));

        assertThat(dropped.outcome()).isEqualTo(ResultOutcome.WRONG_TYPE);
        assertThat(dropped.job().tasksDone()).isZero();
        assertThat(tasksOf(job)).extracting(StoredTask::status).containsOnly(TaskStatus.QUEUED);
    }

    @Test
    void aResultForATaskTheJobDoesNotHaveIsDropped() throws Exception {
        Submitted job = submit(2);
        TaskMessage beyond = new TaskMessage(job.id(), 2, 3, SumJobType.NAME, Map.of("value", 3L));

        Aggregation dropped = apply(succeeded(beyond));

        assertThat(dropped.outcome()).isEqualTo(ResultOutcome.UNKNOWN_TASK);
        assertThat(dropped.job().tasksDone()).isZero();
    }

    @Test
    void aTransactionThatThrowsLeavesNothingBehind() throws Exception {
        Submitted job = submit(2);

        assertThatThrownBy(() -> store.inTransaction(transaction -> {
            transaction.recordMessage("message-1");
            Job locked = transaction.lockJob(job.id()).orElseThrow();
            transaction.finishTask(succeeded(job.task(0)));
            locked.taskSucceeded(Map.of("sum", 1L), NOW, NOW);
            transaction.save(locked);
            transaction.cancelQueuedTasks(job.id());
            throw new IllegalStateException("the commit failed");
        })).isInstanceOf(IllegalStateException.class).hasMessage("the commit failed");

        assertThat(store.find(job.id()).orElseThrow().tasksDone()).isZero();
        assertThat(tasksOf(job)).extracting(StoredTask::status).containsOnly(TaskStatus.QUEUED);
        assertThat(aggregator.apply("message-1", succeeded(job.task(0))).outcome()).isEqualTo(ResultOutcome.APPLIED);
    }

    @Test
    void theSameResultsDeliveredConcurrentlyAndRepeatedlyAreCountedOnce() throws Exception {
        Submitted job = submit(30);
        List<String> messageIds = job.tasks().stream().map(task -> UUID.randomUUID().toString())
                .collect(Collectors.toList());
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                runs.add(threads.submit(() -> {
                    for (TaskMessage task : job.tasks()) {
                        aggregator.apply(messageIds.get(task.taskIndex()), succeeded(task));
                        aggregator.apply(UUID.randomUUID().toString(), succeeded(task));
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(store.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(sumOf(job)).isEqualTo(SumJobType.expectedSum(30));
    }

    @Test
    void retryingTheTaskThatFailedTheJobReopensItAndTheJobSucceedsWithTheExactAnswer() throws Exception {
        Submitted job = submit(4);
        apply(succeeded(job.task(0)));
        apply(aResultOf(job.task(1)).failedWith("delivery_limit").byWorker("dead-letter-queue").build());
        Aggregation ignored = apply(succeeded(job.task(2)));

        JobRetry.Retry retry = retries.retry(job.id(), 1);

        assertThat(ignored.outcome()).isEqualTo(ResultOutcome.TASK_ALREADY_FINISHED);
        assertThat(retry.outcome()).isEqualTo(JobRetry.Outcome.REOPENED);
        assertThat(retry.reopened()).isTrue();
        assertThat(retry.taskStatus()).isEqualTo(TaskStatus.FAILED);
        assertThat(retry.job().status()).isEqualTo(JobStatus.RUNNING);
        assertThat(retry.job().error()).isNull();
        assertThat(retry.job().finishedAt()).isNull();
        assertThat(retry.job().tasksDone()).isEqualTo(1);
        assertThat(retry.requeued()).extracting(TaskMessage::taskIndex).containsExactly(1, 2, 3);
        assertThat(retry.requeued()).containsExactly(job.task(1), job.task(2), job.task(3));
        assertThat(tasksOf(job)).extracting(StoredTask::status).containsExactly(TaskStatus.SUCCEEDED,
                TaskStatus.QUEUED, TaskStatus.QUEUED, TaskStatus.QUEUED);
        StoredTask cleared = tasksOf(job).get(1);
        assertThat(cleared.error()).isNull();
        assertThat(cleared.worker()).isNull();
        assertThat(cleared.attempt()).isZero();
        assertThat(cleared.finishedAt()).isNull();

        Aggregation again = apply(succeeded(job.task(0)));
        retry.requeued().forEach(task -> apply(succeeded(task)));

        assertThat(again.outcome()).isEqualTo(ResultOutcome.TASK_ALREADY_FINISHED);
        assertThat(store.find(job.id()).orElseThrow().tasksDone()).isEqualTo(4);
        assertThat(sumOf(job)).isEqualTo(SumJobType.expectedSum(4));
    }

    @Test
    void aRetriedJobCanFailAgainAndBeRetriedAgainStillCountingEachTaskOnce() throws Exception {
        Submitted job = submit(3);
        apply(succeeded(job.task(2)));
        apply(aResultOf(job.task(0)).failedWith("rejected").build());
        retries.retry(job.id(), 0);
        apply(succeeded(job.task(1)));
        Aggregation failedAgain = apply(aResultOf(job.task(0)).failedWith("rejected again").build());

        JobRetry.Retry second = retries.retry(job.id(), 0);
        second.requeued().forEach(task -> apply(succeeded(task)));

        assertThat(failedAgain.failedTheJob()).isTrue();
        assertThat(second.requeued()).extracting(TaskMessage::taskIndex).containsExactly(0);
        assertThat(sumOf(job)).isEqualTo(SumJobType.expectedSum(3));
    }

    @Test
    void onlyTheTaskThatFailedAFailedJobCanBeRetriedAndOtherRetriesChangeNothing() throws Exception {
        Submitted failed = submit(3);
        apply(aResultOf(failed.task(1)).failedWith("boom").build());
        Submitted running = submit(2);
        apply(succeeded(running.task(0)));
        Submitted succeeded = submit(1);
        apply(succeeded(succeeded.task(0)));
        Submitted cancelled = submit(2);
        dispatcher.cancel(cancelled.id());

        JobRetry.Retry cancelledTask = retries.retry(failed.id(), 2);
        JobRetry.Retry runningJob = retries.retry(running.id(), 1);
        JobRetry.Retry succeededJob = retries.retry(succeeded.id(), 0);
        JobRetry.Retry cancelledJob = retries.retry(cancelled.id(), 0);
        JobRetry.Retry unknownTask = retries.retry(failed.id(), 3);
        JobRetry.Retry unknownJob = retries.retry(UUID.randomUUID(), 0);

        assertThat(cancelledTask.outcome()).isEqualTo(JobRetry.Outcome.NOT_THE_FAILED_TASK);
        assertThat(cancelledTask.taskStatus()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(runningJob.outcome()).isEqualTo(JobRetry.Outcome.JOB_NOT_FAILED);
        assertThat(runningJob.job().status()).isEqualTo(JobStatus.RUNNING);
        assertThat(runningJob.taskStatus()).isEqualTo(TaskStatus.QUEUED);
        assertThat(succeededJob.outcome()).isEqualTo(JobRetry.Outcome.JOB_NOT_FAILED);
        assertThat(succeededJob.job().status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(cancelledJob.outcome()).isEqualTo(JobRetry.Outcome.JOB_NOT_FAILED);
        assertThat(cancelledJob.job().status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(unknownTask.outcome()).isEqualTo(JobRetry.Outcome.UNKNOWN_TASK);
        assertThat(unknownJob.outcome()).isEqualTo(JobRetry.Outcome.UNKNOWN_JOB);
        assertThat(unknownJob.job()).isNull();
        assertThat(List.of(cancelledTask, runningJob, succeededJob, cancelledJob, unknownTask, unknownJob))
                .allSatisfy(retry -> assertThat(retry.requeued()).isEmpty());
        assertThat(store.find(failed.id()).orElseThrow().status()).isEqualTo(JobStatus.FAILED);
        assertThat(tasksOf(failed)).extracting(StoredTask::status)
                .containsExactly(TaskStatus.CANCELLED, TaskStatus.FAILED, TaskStatus.CANCELLED);
        assertThat(tasksOf(cancelled)).extracting(StoredTask::status).containsOnly(TaskStatus.CANCELLED);
        assertThat(sumOf(succeeded)).isEqualTo(1);
    }

    @Test
    void requeueingMovesOnlyFailedAndCancelledTasksAndIsUndoneWithItsTransaction() throws Exception {
        Submitted job = submit(4);
        apply(succeeded(job.task(0)));
        apply(aResultOf(job.task(2)).failedWith("boom").byWorker("w-9").attempt(3).build());

        assertThatThrownBy(() -> store.inTransaction(transaction -> {
            transaction.requeueTasks(job.id());
            throw new IllegalStateException("the commit failed");
        })).hasMessage("the commit failed");
        List<StoredTask> afterRollback = tasksOf(job);
        List<StoredTask> requeued = store.inTransaction(transaction -> transaction.requeueTasks(job.id()));

        assertThat(afterRollback).extracting(StoredTask::status).containsExactly(TaskStatus.SUCCEEDED,
                TaskStatus.CANCELLED, TaskStatus.FAILED, TaskStatus.CANCELLED);
        assertThat(requeued).extracting(StoredTask::taskIndex).containsExactly(1, 2, 3);
        assertThat(requeued).extracting(StoredTask::status).containsOnly(TaskStatus.QUEUED);
        assertThat(tasksOf(job)).extracting(StoredTask::status).containsExactly(TaskStatus.SUCCEEDED,
                TaskStatus.QUEUED, TaskStatus.QUEUED, TaskStatus.QUEUED);
        assertThat(((Number) tasksOf(job).get(2).payload().get("value")).longValue()).isEqualTo(3);
        assertThat(tasksOf(job).get(0).result()).isNotNull();
        List<StoredTask> ofNoJob = store.inTransaction(transaction -> transaction.requeueTasks(UUID.randomUUID()));
        assertThat(ofNoJob).isEmpty();
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
                .collect(Collectors.toList());
        return new Submitted(job.id(), tasks);
    }

    private Aggregation apply(TaskResultMessage result) {
        return aggregator.apply(UUID.randomUUID().toString(), result);
    }

    private TaskResultMessage succeeded(TaskMessage task) {
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
}
