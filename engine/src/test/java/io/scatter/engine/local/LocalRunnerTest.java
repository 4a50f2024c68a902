package io.scatter.engine.local;

import io.scatter.contracts.TaskMessage;
import io.scatter.core.job.JobStatus;
import io.scatter.core.jobtype.InvalidInputException;
import io.scatter.core.jobtype.JobTypes;
import io.scatter.core.jobtype.UnknownJobTypeException;
import io.scatter.engine.memory.InMemoryJobStore;
import io.scatter.engine.memory.InMemoryTaskTransport;
import io.scatter.engine.testing.Await;
import io.scatter.engine.testing.BoomJobType;
import io.scatter.engine.transport.ForwardingTaskTransport;
import io.scatter.engine.testing.SlowJobType;
import io.scatter.engine.testing.SumJobType;
import io.scatter.engine.transport.Subscription;
import io.scatter.engine.transport.TaskDelivery;
import io.scatter.engine.transport.TransportException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalRunnerTest {

    private static final Map<String, Object> UP_TO_A_MILLION = Map.of("from", 0, "to", 1_000_000);
    private static final JobTypes TEST_TYPES = JobTypes.of(new SumJobType(), new SlowJobType(), new BoomJobType());

    private final List<LocalRunner> runners = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeRunners() {
        runners.forEach(LocalRunner::close);
    }

    @ParameterizedTest(name = "{0} on {1} workers")
    @CsvSource({"sieve, 1", "sieve, 4", "trial-division, 1", "trial-division, 4"})
    void countsThe78498PrimesUpToAMillion(String algorithm, int workers) throws Exception {
        LocalRunner runner = runner(JobTypes.load(), workers);

        LocalRun run = runner.run("prime-count", UP_TO_A_MILLION, Map.of("algorithm", algorithm, "tasks", 16),
                ProgressListener.NONE);

        assertThat(run.job().status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(((Number) run.job().result().get("count")).longValue()).isEqualTo(78_498);
        assertThat(run.job().progress()).isEqualTo(new JobSnapshot.Progress(16, 16, 100));
        assertThat(run.job().options()).containsEntry("algorithm", algorithm);
        assertThat(run.workersUsed()).isBetween(1, workers);
        assertThat(run.elapsed()).isPositive();
        assertThat(run.job().finishedAt()).isNotNull();
    }

    @Test
    void theJobTypesDefaultOptionsGiveTheSameCount() throws Exception {
        LocalRun run = runner(JobTypes.load(), 2).run("prime-count", UP_TO_A_MILLION, Map.of(), ProgressListener.NONE);

        assertThat(run.job().result()).containsEntry("count", 78_498L);
        assertThat(run.workersUsed()).isEqualTo(1);
    }

    @Test
    void invalidInputIsRejectedNamingTheFieldBeforeAnythingRuns() {
        Untouched transport = new Untouched();
        LocalRunner runner = runner(new LocalRunner(JobTypes.load(), 2, transport, new InMemoryJobStore(),
                Clock.systemUTC()));
        List<JobSnapshot> heard = new CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> runner.run("prime-count", Map.of("from", 10, "to", 5), Map.of(), heard::add))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("input.from"));
        assertThatThrownBy(() -> runner.run("prime-count", UP_TO_A_MILLION, Map.of("tasks", 0), heard::add))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("options.tasks"));
        assertThat(heard).isEmpty();
        assertThat(transport.touched).isFalse();
    }

    @Test
    void anUnknownJobTypeIsRejectedBeforeAnythingRuns() {
        Untouched transport = new Untouched();
        LocalRunner runner = runner(new LocalRunner(JobTypes.load(), 1, transport, new InMemoryJobStore(),
                Clock.systemUTC()));

        assertThatThrownBy(() -> runner.run("prime-sum", UP_TO_A_MILLION, Map.of(), ProgressListener.NONE))
                .isInstanceOf(UnknownJobTypeException.class)
                .hasMessageContaining("prime-count");
        assertThat(transport.touched).isFalse();
    }

    @Test
    void theListenerHearsOfAcceptanceThenEachTaskThenTheEndOneCallAtATime() throws Exception {
        List<JobSnapshot> heard = new CopyOnWriteArrayList<>();
        AtomicBoolean inCall = new AtomicBoolean();
        AtomicBoolean overlapped = new AtomicBoolean();

        LocalRun run = runner(TEST_TYPES, 3).run(SumJobType.NAME, Map.of("numbers", 10), Map.of(), job -> {
            if (!inCall.compareAndSet(false, true)) {
                overlapped.set(true);
            }
            heard.add(job);
            inCall.set(false);
        });

        assertThat(overlapped).isFalse();
        assertThat(heard).hasSize(12);
        assertThat(heard.get(0).status()).isEqualTo(JobStatus.QUEUED);
        assertThat(heard.get(0).progress()).isEqualTo(new JobSnapshot.Progress(10, 0, 0));
        assertThat(heard).extracting(job -> job.progress().tasksDone()).isSorted();
        assertThat(heard.get(11)).isEqualTo(run.job());
        assertThat(run.job().result()).containsEntry("sum", SumJobType.expectedSum(10));
    }

    @Test
    void aCancelledRunReturnsCancelled() throws Exception {
        LocalRunner runner = runner(TEST_TYPES, 2);
        AtomicInteger tasksDone = new AtomicInteger();

        CompletableFuture<LocalRun> running = runAsync(runner, SlowJobType.NAME, Map.of("tasks", 60, "millis", 50),
                job -> tasksDone.set(job.progress().tasksDone()));
        Await.until("a task is done", () -> tasksDone.get() > 0);
        runner.cancel();
        LocalRun run = running.get(Await.TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        assertThat(run.job().status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(run.job().progress().tasksDone()).isBetween(1, 59);
        assertThat(run.job().result()).isNull();
    }

    @Test
    void aRunnerRunsAnotherJobAfterACancelledOne() throws Exception {
        LocalRunner runner = runner(TEST_TYPES, 2);
        AtomicBoolean accepted = new AtomicBoolean();
        CompletableFuture<LocalRun> cancelled = runAsync(runner, SlowJobType.NAME,
                Map.of("tasks", 60, "millis", 50), job -> accepted.set(true));
        Await.until("the job is accepted", accepted::get);
        runner.cancel();
        cancelled.get(Await.TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        LocalRun next = runner.run(SumJobType.NAME, Map.of("numbers", 20), Map.of(), ProgressListener.NONE);

        assertThat(next.job().result()).containsEntry("sum", SumJobType.expectedSum(20));
    }

    @Test
    void aTaskThatThrowsFailsTheJobWithItsMessage() throws Exception {
        LocalRun run = runner(TEST_TYPES, 2).run(BoomJobType.NAME, Map.of("tasks", 5, "failing", 2), Map.of(),
                ProgressListener.NONE);

        assertThat(run.job().status()).isEqualTo(JobStatus.FAILED);
        assertThat(run.job().error()).contains("task 2", "IllegalStateException: boom in task 2");
        assertThat(run.job().result()).isNull();
    }

    @Test
    void aTaskThatNeverGetsComputedIsDeadLetteredAndFailsTheJobInsteadOfHanging() throws Exception {
        DroppingTask transport = new DroppingTask(1);
        LocalRunner runner = runner(new LocalRunner(TEST_TYPES, 2, transport, new InMemoryJobStore(),
                Clock.systemUTC()));

        LocalRun run = runner.run(SumJobType.NAME, Map.of("numbers", 3), Map.of(), ProgressListener.NONE);

        assertThat(run.job().status()).isEqualTo(JobStatus.FAILED);
        assertThat(run.job().error()).contains("task 1", "delivery limit");
        assertThat(transport.deadTasks()).hasSize(1);
    }

    @Test
    void workersUsedCountsTheDistinctWorkersThatComputedATask() throws Exception {
        LocalRun alone = runner(TEST_TYPES, 1).run(SumJobType.NAME, Map.of("numbers", 8), Map.of(),
                ProgressListener.NONE);
        LocalRun together = runner(TEST_TYPES, 4).run(SlowJobType.NAME, Map.of("tasks", 16, "millis", 20), Map.of(),
                ProgressListener.NONE);

        assertThat(alone.workersUsed()).isEqualTo(1);
        assertThat(together.workersUsed()).isBetween(2, 4);
    }

    @Test
    void aClosedRunnerStopsItsWorkerThreadsAndRefusesToRun() throws Exception {
        int before = consumerThreads();
        LocalRunner runner = new LocalRunner(TEST_TYPES, 3);
        runner.run(SumJobType.NAME, Map.of("numbers", 3), Map.of(), ProgressListener.NONE);
        int running = consumerThreads();

        runner.close();

        assertThat(running).isGreaterThanOrEqualTo(before + 3);
        Await.until("the worker threads ended", () -> consumerThreads() <= before);
        assertThatThrownBy(() -> runner.run(SumJobType.NAME, Map.of("numbers", 3), Map.of(), ProgressListener.NONE))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRunnerNeedsAtLeastOneWorker() {
        assertThatThrownBy(() -> new LocalRunner(TEST_TYPES, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private LocalRunner runner(JobTypes types, int workers) {
        return runner(new LocalRunner(types, workers));
    }

    private LocalRunner runner(LocalRunner runner) {
        runners.add(runner);
        return runner;
    }

    private static CompletableFuture<LocalRun> runAsync(LocalRunner runner, String type, Map<String, Object> input,
                                                        ProgressListener listener) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return runner.run(type, input, Map.of(), listener);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    private static int consumerThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().startsWith("tasks-consumer-"))
                .count();
    }

    /** A transport that notes whether anything at all was asked of it. */
    private static final class Untouched extends ForwardingTaskTransport {

        private volatile boolean touched;

        Untouched() {
            super(new InMemoryTaskTransport());
        }

        @Override
        public void publishTasks(List<TaskMessage> tasks) throws TransportException {
            touched = true;
            super.publishTasks(tasks);
        }

        @Override
        public Subscription consumeTasks(int concurrency, Consumer<TaskDelivery> handler) throws TransportException {
            touched = true;
            return super.consumeTasks(concurrency, handler);
        }
    }

    /** A transport whose workers never get to compute one task: it is requeued on every delivery. */
    private static final class DroppingTask extends ForwardingTaskTransport {

        private final int droppedIndex;

        DroppingTask(int droppedIndex) {
            super(new InMemoryTaskTransport());
            this.droppedIndex = droppedIndex;
        }

        @Override
        public Subscription consumeTasks(int concurrency, Consumer<TaskDelivery> handler) throws TransportException {
            return super.consumeTasks(concurrency, delivery -> {
                if (delivery.task().taskIndex() == droppedIndex) {
                    delivery.requeue();
                } else {
                    handler.accept(delivery);
                }
            });
        }
    }
}
