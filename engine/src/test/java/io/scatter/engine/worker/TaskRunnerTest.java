package io.scatter.engine.worker;

import io.scatter.contracts.TaskMessage;
import io.scatter.contracts.TaskResultMessage;
import io.scatter.core.jobtype.JobTypes;
import io.scatter.core.prime.PrimeCount;
import io.scatter.core.prime.PrimeCountJobType;
import io.scatter.engine.memory.InMemoryTaskTransport;
import io.scatter.engine.testing.Await;
import io.scatter.engine.testing.BoomJobType;
import io.scatter.engine.testing.StuckJobType;
import io.scatter.engine.transport.ForwardingTaskTransport;
import io.scatter.engine.testing.SumJobType;
import io.scatter.engine.transport.TransportException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.scatter.engine.testing.TaskMessageBuilder.aTask;
import static org.assertj.core.api.Assertions.assertThat;

class TaskRunnerTest {

    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    private static final RetryBackoff QUICK = new RetryBackoff(Duration.ofMillis(10), Duration.ofMillis(20));

    private final RecordingTransport transport = new RecordingTransport();
    private final StuckJobType stuck = new StuckJobType();
    private final TaskRunner runner = new TaskRunner(transport,
            JobTypes.of(new SumJobType(), new BoomJobType(), stuck), "w-1", 2, Clock.fixed(NOW, ZoneOffset.UTC), QUICK);

    @AfterEach
    void close() {
        runner.close();
        transport.close();
    }

    @Test
    void aComputedTaskIsPublishedAsASucceededResultUnderANewMessageIdAndThenAcked() {
        FakeTaskDelivery delivery = FakeTaskDelivery.redelivered(sumTask(5), 3);

        runner.handle(delivery);

        assertThat(delivery.settled()).isEqualTo(FakeTaskDelivery.Settled.ACKED);
        assertThat(transport.published).hasSize(1);
        Published published = transport.published.get(0);
        assertThat(published.messageId()).isNotBlank();
        assertThat(published.result().outcome()).isEqualTo(TaskResultMessage.Outcome.SUCCEEDED);
        assertThat(published.result().result()).isEqualTo(Map.of("sum", 5L));
        assertThat(published.result().worker()).isEqualTo("w-1");
        assertThat(published.result().attempt()).isEqualTo(3);
        assertThat(published.result().startedAt()).isEqualTo(NOW);
        assertThat(published.result().finishedAt()).isEqualTo(NOW);
    }

    @Test
    void everyComputationIsPublishedUnderADifferentMessageId() {
        runner.handle(FakeTaskDelivery.of(sumTask(1)));
        runner.handle(FakeTaskDelivery.of(sumTask(1)));

        assertThat(transport.published).extracting(Published::messageId).doesNotHaveDuplicates().hasSize(2);
    }

    @Test
    void aTaskFailedExceptionIsPublishedAsAFailedResultWithItsMessage() {
        TaskMessage task = aTask().type(BoomJobType.NAME).payload(Map.of("index", 0L, "permanent", true)).build();
        FakeTaskDelivery delivery = FakeTaskDelivery.of(task);

        runner.handle(delivery);

        assertThat(delivery.settled()).isEqualTo(FakeTaskDelivery.Settled.ACKED);
        TaskResultMessage result = transport.published.get(0).result();
        assertThat(result.outcome()).isEqualTo(TaskResultMessage.Outcome.FAILED);
        assertThat(result.error()).isEqualTo("boom in task 0 for good");
    }

    @Test
    void anyOtherFailureIsRetriedWithTheExceptionOnOneLineAndNothingIsPublished() {
        FakeTaskDelivery delivery = FakeTaskDelivery.attempt(boomTask(), 2, 5);

        runner.handle(delivery);

        assertThat(delivery.settled()).isEqualTo(FakeTaskDelivery.Settled.RETRIED);
        assertThat(delivery.reason()).isEqualTo("IllegalStateException: boom in task 0");
        assertThat(delivery.worker()).isEqualTo("w-1");
        assertThat(transport.published).isEmpty();
        assertThat(runner.tasksRetried()).isEqualTo(1);
    }

    @Test
    void aFailureOnTheLastAttemptIsHandedOnWithoutWaitingForTheTransportToDeadLetter() {
        FakeTaskDelivery delivery = FakeTaskDelivery.attempt(boomTask(), 5, 5);

        runner.handle(delivery);

        assertThat(delivery.settled()).isEqualTo(FakeTaskDelivery.Settled.RETRIED);
        assertThat(delivery.reason()).isEqualTo("IllegalStateException: boom in task 0");
    }

    @Test
    void aTaskThatOutrunsItsDeadlineIsInterruptedAndRetriedNamingTheDeadline() {
        FakeTaskDelivery delivery = FakeTaskDelivery.of(aTask().type(StuckJobType.NAME).build());

        runner.handle(delivery);

        assertThat(delivery.settled()).isEqualTo(FakeTaskDelivery.Settled.RETRIED);
        assertThat(delivery.reason()).isEqualTo("outran its deadline of PT0.3S on worker w-1");
        assertThat(transport.published).isEmpty();
        Await.until("the abandoned computation notices its interrupt", () -> runner.abandonedComputations() == 0);
    }

    @Test
    void aCancellationInterruptsTheRunningTaskOfItsJobWhichIsAckedWithoutAResult() throws Exception {
        runner.start();
        TaskMessage task = aTask().type(StuckJobType.NAME).build();
        CountDownLatch started = stuck.nextStart();
        transport.publishTasks(List.of(task));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        transport.broadcastCancel(task.jobId());

        Await.until("the task leaves the runner", () -> runner.inFlight().isEmpty());
        assertThat(transport.published).isEmpty();
        assertThat(transport.deadTasks()).isEmpty();
        assertThat(runner.tasksRetried()).isZero();
    }

    @Test
    void aTaskWhoseEarlierDeliveryEndedUnsettledRunsAloneAndOtherTasksAreDeferredMeanwhile() throws Exception {
        CountDownLatch started = stuck.nextStart();
        FakeTaskDelivery suspect = FakeTaskDelivery.returned(aTask().type(StuckJobType.NAME).build(), 1);
        Thread alone = new Thread(() -> runner.handle(suspect));
        alone.start();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        FakeTaskDelivery ordinary = FakeTaskDelivery.of(sumTask(4));
        runner.handle(ordinary);
        FakeTaskDelivery anotherSuspect = FakeTaskDelivery.returned(sumTask(5), 2);
        runner.handle(anotherSuspect);
        alone.join(10_000);

        assertThat(ordinary.settled()).isEqualTo(FakeTaskDelivery.Settled.DEFERRED);
        assertThat(anotherSuspect.settled()).isEqualTo(FakeTaskDelivery.Settled.DEFERRED);
        assertThat(suspect.settled()).isEqualTo(FakeTaskDelivery.Settled.RETRIED);
        FakeTaskDelivery after = FakeTaskDelivery.of(sumTask(6));
        runner.handle(after);
        assertThat(after.settled()).isEqualTo(FakeTaskDelivery.Settled.ACKED);
    }

    @Test
    void aTaskOfAnUnknownJobTypeIsRejectedWithTheReasonAndTheWorkersName() {
        FakeTaskDelivery delivery = FakeTaskDelivery.of(aTask().type("no-such-type").build());

        runner.handle(delivery);

        assertThat(delivery.settled()).isEqualTo(FakeTaskDelivery.Settled.REJECTED);
        assertThat(delivery.reason()).contains("no-such-type");
        assertThat(delivery.worker()).isEqualTo("w-1");
        assertThat(transport.published).isEmpty();
    }

    @Test
    void aJobTypeNameWithLineBreaksIsRejectedWithAReasonOnOneLine() {
        FakeTaskDelivery delivery = FakeTaskDelivery.of(aTask().type("no-such\nINFO forged log line").build());

        runner.handle(delivery);

        assertThat(delivery.settled()).isEqualTo(FakeTaskDelivery.Settled.REJECTED);
        assertThat(delivery.reason()).contains("no-such INFO forged log line").doesNotContain("\n");
    }

    @Test
    void aTaskWhosePayloadItsTypeRejectsIsDeadLetteredAtOnceWithoutAResult() {
        TaskMessage task = aTask().type("prime-count").payload(Map.of("from", 10L, "to", "lots", "algorithm", "sieve"))
                .build();
        FakeTaskDelivery delivery = FakeTaskDelivery.of(task);
        try (TaskRunner primes = new TaskRunner(transport, JobTypes.of(new PrimeCountJobType()), "w-2", 1,
                Clock.fixed(NOW, ZoneOffset.UTC), QUICK)) {
            primes.handle(delivery);
        }

        assertThat(delivery.settled()).isEqualTo(FakeTaskDelivery.Settled.REJECTED);
        assertThat(delivery.reason()).isEqualTo("invalid prime-count task payload: task.to must be an integer between 0"
                + " and " + PrimeCount.MAX + ", got \"lots\"");
        assertThat(delivery.worker()).isEqualTo("w-2");
        assertThat(transport.published).isEmpty();
    }

    @Test
    void aTaskWhoseResultCannotBePublishedGoesBackToTheQueue() {
        transport.failPublishing = true;
        FakeTaskDelivery delivery = FakeTaskDelivery.of(sumTask(2));

        runner.handle(delivery);

        assertThat(delivery.settled()).isEqualTo(FakeTaskDelivery.Settled.REQUEUED);
    }

    @Test
    void aTaskOfACancelledJobIsAckedWithoutComputing() throws Exception {
        runner.start();
        TaskMessage cancelled = sumTask(7);
        TaskMessage other = sumTask(8);

        transport.broadcastCancel(cancelled.jobId());
        transport.publishTasks(List.of(cancelled, other));
        Await.until("the other job's task is computed", () -> transport.published.size() == 1);
        runner.close();

        assertThat(transport.published.get(0).result().jobId()).isEqualTo(other.jobId());
        assertThat(transport.deadTasks()).isEmpty();
    }

    @Test
    void aStartedRunnerComputesPublishedTasks() throws Exception {
        runner.start();
        UUID jobId = UUID.randomUUID();

        transport.publishTasks(List.of(
                aTask().ofJob(jobId).index(0).of(2).type(SumJobType.NAME).payload(Map.of("value", 1L)).build(),
                aTask().ofJob(jobId).index(1).of(2).type(SumJobType.NAME).payload(Map.of("value", 2L)).build()));
        Await.until("both tasks are computed", () -> transport.published.size() == 2);

        assertThat(transport.published).extracting(p -> p.result().taskIndex()).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void tasksDoneCountsEveryPublishedResultAndTasksFailedTheFailedOnesAmongThem() {
        runner.handle(FakeTaskDelivery.of(sumTask(1)));
        runner.handle(FakeTaskDelivery.of(aTask().type(BoomJobType.NAME).payload(Map.of("index", 0L, "permanent", true))
                .build()));
        runner.handle(FakeTaskDelivery.of(boomTask()));
        runner.handle(FakeTaskDelivery.of(aTask().type("no-such-type").build()));
        transport.failPublishing = true;
        runner.handle(FakeTaskDelivery.of(sumTask(2)));

        assertThat(runner.tasksDone()).isEqualTo(2);
        assertThat(runner.tasksFailed()).isEqualTo(1);
    }

    @Test
    void aTaskIsInFlightFromWhenTheRunnerTakesItUntilItIsSettled() {
        TaskMessage task = aTask().index(2).of(4).type(SumJobType.NAME).payload(Map.of("value", 3L)).build();
        List<List<TaskRunner.InFlight>> seenWhilePublishing = new CopyOnWriteArrayList<>();
        transport.onPublish = () -> seenWhilePublishing.add(runner.inFlight());

        runner.handle(FakeTaskDelivery.of(task));

        assertThat(seenWhilePublishing).containsExactly(
                List.of(new TaskRunner.InFlight(task.jobId(), 2, NOW)));
        assertThat(runner.inFlight()).isEmpty();
    }

    private static TaskMessage boomTask() {
        return aTask().type(BoomJobType.NAME).payload(Map.of("index", 0L, "fails", true)).build();
    }

    private static TaskMessage sumTask(long value) {
        return aTask().type(SumJobType.NAME).payload(Map.of("value", value)).build();
    }

    private record Published(String messageId, TaskResultMessage result) {
    }

    /** An in-memory transport that records published results instead of queueing them, or fails to publish. */
    private static final class RecordingTransport extends ForwardingTaskTransport {

        private final List<Published> published = new CopyOnWriteArrayList<>();
        private volatile boolean failPublishing;
        private volatile Runnable onPublish = () -> { };

        RecordingTransport() {
            super(new InMemoryTaskTransport());
        }

        @Override
        public void publishResult(String messageId, TaskResultMessage result) throws TransportException {
            onPublish.run();
            if (failPublishing) {
                throw new TransportException("the broker did not confirm the publish");
            }
            published.add(new Published(messageId, result));
        }
    }
}
