package io.scatter.engine.transport;

import io.scatter.contracts.TaskMessage;
import io.scatter.contracts.TaskResultMessage;
import io.scatter.engine.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.scatter.engine.testing.TaskMessageBuilder.aTask;
import static io.scatter.engine.testing.TaskResultBuilder.aResultOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The behaviour every {@link TaskTransport} adapter shares; an adapter's test extends this class (from the engine's
 * test jar) and supplies a fresh transport.
 *
 * <pre>{@code
 * class InMemoryTaskTransportTest extends TaskTransportContract {
 *     protected TaskTransport newTransport() {
 *         return new InMemoryTaskTransport();
 *     }
 * }
 * }</pre>
 *
 * <p>Every wait is bounded ({@link Await#TIMEOUT}); nothing asserts how long anything took. Tasks are compared by job
 * id and index, never by object equality, so adapters that serialise messages pass too.
 */
public abstract class TaskTransportContract {

    /** How long a test lets a wrong extra delivery show up before it checks that none did. */
    private static final Duration GRACE = Duration.ofMillis(300);

    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private TaskTransport transport;

    /** A new, empty transport that shares no queue with any other; the suite closes it after each test. */
    protected abstract TaskTransport newTransport() throws Exception;

    @BeforeEach
    void openTransport() throws Exception {
        transport = newTransport();
    }

    @AfterEach
    void closeTransport() {
        for (Subscription subscription : subscriptions) {
            subscription.close();
        }
        if (transport != null) {
            transport.close();
        }
    }

    @Test
    void aPublishedTaskIsDeliveredOnceAndAnAckedTaskIsNotDeliveredAgain() throws Exception {
        TaskMessage task = aTask().index(1).of(3).build();
        RecordingTaskHandler first = RecordingTaskHandler.acking();
        Subscription firstConsumer = consumeTasks(1, first);

        transport.publishTasks(List.of(task));
        first.awaitReceived(task);
        stop(firstConsumer);
        RecordingTaskHandler second = RecordingTaskHandler.acking();
        consumeTasks(1, second);
        TaskMessage marker = aTask().build();
        transport.publishTasks(List.of(marker));
        second.awaitReceived(marker);
        Await.pause(GRACE);

        assertThat(first.received()).hasSize(1);
        RecordingTaskHandler.Received delivered = first.received().get(0);
        assertThat(delivered.attempt()).isEqualTo(1);
        assertThat(delivered.task().jobId()).isEqualTo(task.jobId());
        assertThat(delivered.task().taskIndex()).isEqualTo(1);
        assertThat(delivered.task().taskCount()).isEqualTo(3);
        assertThat(delivered.task().jobType()).isEqualTo(task.jobType());
        assertThat(delivered.task().payload()).isEqualTo(task.payload());
        assertThat(second.hasReceived(task)).isFalse();
        assertThat(deadTasks()).isEmpty();
    }

    @Test
    void everyTaskOfABatchIsDeliveredExactlyOnceToAConcurrentConsumer() throws Exception {
        UUID jobId = UUID.randomUUID();
        List<TaskMessage> tasks = IntStream.range(0, 20)
                .mapToObj(index -> aTask().ofJob(jobId).index(index).of(20).build())
                .collect(Collectors.toList());
        RecordingTaskHandler handler = RecordingTaskHandler.acking();
        consumeTasks(4, handler);

        transport.publishTasks(tasks);
        handler.awaitCount(tasks.size());
        TaskMessage marker = aTask().build();
        transport.publishTasks(List.of(marker));
        handler.awaitReceived(marker);
        Await.pause(GRACE);

        for (TaskMessage task : tasks) {
            assertThat(handler.attemptsOf(task)).as("attempts of task %d", task.taskIndex()).containsExactly(1);
        }
    }

    @Test
    void aTaskWhoseConsumerCrashedIsDeliveredAgainWithAttemptTwo() throws Exception {
        TaskMessage task = aTask().build();
        RecordingTaskHandler crashed = RecordingTaskHandler.crashing();
        Subscription crashedConsumer = consumeTasks(1, crashed);
        transport.publishTasks(List.of(task));
        crashed.awaitReceived(task);

        stop(crashedConsumer);
        RecordingTaskHandler survivor = RecordingTaskHandler.acking();
        consumeTasks(1, survivor);
        survivor.awaitReceived(task);

        assertThat(crashed.attemptsOf(task)).containsExactly(1);
        assertThat(survivor.attemptsOf(task)).containsExactly(2);
        assertThat(crashed.returnsOf(task)).containsExactly(0);
        assertThat(survivor.returnsOf(task)).containsExactly(1);
        assertThat(deadTasks()).isEmpty();
    }

    @Test
    void aRetriedTaskComesBackAsTheNextAttemptNotAsAReturnAndIsDeadLetteredWithItsReasonAfterTheLast()
            throws Exception {
        TaskMessage flaky = aTask().build();
        RecordingTaskHandler handler = RecordingTaskHandler.retrying(flaky.jobId(), "IllegalStateException: flaky");
        consumeTasks(1, handler);

        transport.publishTasks(List.of(flaky));
        DeadTask dead = awaitDead(flaky);
        TaskMessage marker = aTask().build();
        transport.publishTasks(List.of(marker));
        handler.awaitReceived(marker);
        Await.pause(GRACE);

        assertThat(handler.attemptsOf(flaky)).containsExactlyElementsOf(allAttempts());
        assertThat(handler.returnsOf(flaky)).containsOnly(0);
        assertThat(dead.reason()).contains("IllegalStateException: flaky");
        assertThat(deadTasksOf(flaky)).hasSize(1);
    }

    @Test
    void aDeferredTaskComesBackAsTheSameAttempt() throws Exception {
        TaskMessage task = aTask().build();
        RecordingTaskHandler handler = RecordingTaskHandler.deferringOnce(task.jobId());
        consumeTasks(1, handler);

        transport.publishTasks(List.of(task));
        Await.until("the task is delivered twice", () -> handler.receivedOf(task).size() == 2);
        Await.pause(GRACE);

        assertThat(handler.attemptsOf(task)).containsExactly(1, 1);
        assertThat(handler.returnsOf(task)).containsExactly(0, 0);
        assertThat(deadTasks()).isEmpty();
    }

    @Test
    void aTaskRequeuedOnEveryDeliveryIsDeadLetteredAtTheDeliveryLimitInsteadOfLooping() throws Exception {
        TaskMessage poison = aTask().build();
        RecordingTaskHandler handler = RecordingTaskHandler.requeueing(poison.jobId());
        consumeTasks(1, handler);

        transport.publishTasks(List.of(poison));
        DeadTask dead = awaitDead(poison);
        TaskMessage marker = aTask().build();
        transport.publishTasks(List.of(marker));
        handler.awaitReceived(marker);
        Await.pause(GRACE);

        assertThat(handler.attemptsOf(poison)).containsExactlyElementsOf(allAttempts());
        assertThat(dead.reason()).isNotBlank();
        assertThat(deadTasksOf(poison)).hasSize(1);
    }

    @Test
    void aTaskWhoseConsumersKeepCrashingIsDeadLetteredAtTheDeliveryLimit() throws Exception {
        TaskMessage poison = aTask().build();
        transport.publishTasks(List.of(poison));
        List<Integer> attempts = new ArrayList<>();

        for (int round = 0; round <= TaskTransport.DELIVERY_LIMIT && !isDead(poison); round++) {
            RecordingTaskHandler crashed = RecordingTaskHandler.crashing();
            Subscription consumer = consumeTasks(1, crashed);
            Await.until("the task is delivered again or dead-lettered",
                    () -> crashed.hasReceived(poison) || isDead(poison));
            stop(consumer);
            attempts.addAll(crashed.attemptsOf(poison));
        }
        awaitDead(poison);
        RecordingTaskHandler after = RecordingTaskHandler.acking();
        consumeTasks(1, after);
        TaskMessage marker = aTask().build();
        transport.publishTasks(List.of(marker));
        after.awaitReceived(marker);
        Await.pause(GRACE);

        assertThat(attempts).containsExactlyElementsOf(allAttempts());
        assertThat(after.hasReceived(poison)).isFalse();
        assertThat(deadTasksOf(poison)).hasSize(1);
    }

    @Test
    void aRejectedTaskIsDeadLetteredAtOnceWithItsReason() throws Exception {
        TaskMessage unknown = aTask().type("no-such-type").build();
        RecordingTaskHandler handler = RecordingTaskHandler.rejecting(unknown.jobId(), "unknown job type no-such-type");
        consumeTasks(1, handler);

        transport.publishTasks(List.of(unknown));
        DeadTask dead = awaitDead(unknown);
        TaskMessage marker = aTask().build();
        transport.publishTasks(List.of(marker));
        handler.awaitReceived(marker);
        Await.pause(GRACE);

        assertThat(handler.attemptsOf(unknown)).containsExactly(1);
        assertThat(dead.reason()).contains("unknown job type no-such-type");
        assertThat(dead.task().jobType()).isEqualTo("no-such-type");
    }

    @Test
    void aResultPublishedTwiceUnderOneMessageIdArrivesWithThatMessageIdBothTimes() throws Exception {
        TaskMessage task = aTask().index(2).of(4).build();
        TaskResultMessage result = aResultOf(task).byWorker("worker-7").attempt(2).build();
        String messageId = UUID.randomUUID().toString();
        RecordingResultHandler handler = RecordingResultHandler.acking();
        consumeResults(handler);

        transport.publishResult(messageId, result);
        transport.publishResult(messageId, result);
        handler.awaitCount(2);

        assertThat(handler.received()).extracting(RecordingResultHandler.Received::messageId)
                .containsExactly(messageId, messageId);
        for (RecordingResultHandler.Received received : handler.received()) {
            assertThat(received.result().jobId()).isEqualTo(task.jobId());
            assertThat(received.result().taskIndex()).isEqualTo(2);
            assertThat(received.result().outcome()).isEqualTo(TaskResultMessage.Outcome.SUCCEEDED);
            assertThat(received.result().result()).isEqualTo(result.result());
            assertThat(received.result().worker()).isEqualTo("worker-7");
            assertThat(received.result().attempt()).isEqualTo(2);
        }
    }

    @Test
    void aRequeuedResultIsDeliveredAgainWithTheSameMessageId() throws Exception {
        TaskMessage task = aTask().build();
        TaskResultMessage failed = aResultOf(task).failedWith("ArithmeticException: / by zero").build();
        String messageId = UUID.randomUUID().toString();
        RecordingResultHandler handler = RecordingResultHandler.requeueingOnce(messageId);
        consumeResults(handler);

        transport.publishResult(messageId, failed);
        handler.awaitCount(2);
        Await.pause(GRACE);

        assertThat(handler.received()).hasSize(2);
        assertThat(handler.received()).extracting(RecordingResultHandler.Received::messageId)
                .containsOnly(messageId);
        assertThat(handler.received().get(1).result().outcome()).isEqualTo(TaskResultMessage.Outcome.FAILED);
        assertThat(handler.received().get(1).result().error()).isEqualTo("ArithmeticException: / by zero");
    }

    @Test
    void aCancellationReachesEveryCancelListener() throws Exception {
        UUID jobId = UUID.randomUUID();
        Set<UUID> heardByFirst = ConcurrentHashMap.newKeySet();
        Set<UUID> heardBySecond = ConcurrentHashMap.newKeySet();
        onCancel(heardByFirst::add);
        onCancel(heardBySecond::add);

        transport.broadcastCancel(jobId);

        Await.until("both listeners heard of the cancellation",
                () -> heardByFirst.contains(jobId) && heardBySecond.contains(jobId));
    }

    @Test
    void atMostConcurrencyTaskDeliveriesAreUnsettledAtOnce() throws Exception {
        int concurrency = 2;
        int taskCount = 6;
        UUID jobId = UUID.randomUUID();
        AtomicInteger unsettled = new AtomicInteger();
        AtomicInteger mostUnsettled = new AtomicInteger();
        AtomicInteger acked = new AtomicInteger();
        Semaphore release = new Semaphore(0);
        consumeTasks(concurrency, delivery -> {
            mostUnsettled.accumulateAndGet(unsettled.incrementAndGet(), Math::max);
            try {
                if (release.tryAcquire(Await.TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    unsettled.decrementAndGet();
                    delivery.ack();
                    acked.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        transport.publishTasks(IntStream.range(0, taskCount)
                .mapToObj(index -> aTask().ofJob(jobId).index(index).of(taskCount).build())
                .collect(Collectors.toList()));
        Await.until(concurrency + " deliveries are held", () -> unsettled.get() >= concurrency);
        Await.pause(GRACE);
        int heldBeforeRelease = unsettled.get();
        release.release(taskCount);
        Await.until("every task is acked", () -> acked.get() == taskCount);

        assertThat(heldBeforeRelease).isEqualTo(concurrency);
        assertThat(mostUnsettled.get()).isEqualTo(concurrency);
    }

    /** The transport under test. */
    protected final TaskTransport transport() {
        return transport;
    }

    private Subscription consumeTasks(int concurrency, Consumer<TaskDelivery> handler) throws TransportException {
        Subscription subscription = transport.consumeTasks(concurrency, handler);
        subscriptions.add(subscription);
        return subscription;
    }

    private void consumeResults(Consumer<ResultDelivery> handler) throws TransportException {
        subscriptions.add(transport.consumeResults(handler));
    }

    private void onCancel(Consumer<UUID> listener) throws TransportException {
        subscriptions.add(transport.onCancel(listener));
    }

    private void stop(Subscription subscription) {
        subscriptions.remove(subscription);
        subscription.close();
    }

    private DeadTask awaitDead(TaskMessage task) {
        Await.until("task " + task.taskIndex() + " of job " + task.jobId() + " is dead-lettered", () -> isDead(task));
        return deadTasksOf(task).get(0);
    }

    private boolean isDead(TaskMessage task) {
        return !deadTasksOf(task).isEmpty();
    }

    private List<DeadTask> deadTasksOf(TaskMessage task) {
        return deadTasks().stream()
                .filter(dead -> Optional.ofNullable(dead.task())
                        .map(t -> t.jobId().equals(task.jobId()) && t.taskIndex() == task.taskIndex())
                        .orElse(false))
                .collect(Collectors.toList());
    }

    private List<DeadTask> deadTasks() {
        try {
            return transport.deadTasks();
        } catch (TransportException e) {
            throw new AssertionError("could not read the dead-lettered tasks", e);
        }
    }

    private static List<Integer> allAttempts() {
        return IntStream.rangeClosed(1, TaskTransport.DELIVERY_LIMIT).boxed().collect(Collectors.toList());
    }
}
