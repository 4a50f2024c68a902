package io.scatter.messaging.transport;

import com.rabbitmq.client.Channel;
import io.scatter.contracts.Channels;
import io.scatter.contracts.TaskMessage;
import io.scatter.contracts.TaskResultMessage;
import io.scatter.core.jobtype.JobTypes;
import io.scatter.engine.testing.Await;
import io.scatter.engine.testing.SumJobType;
import io.scatter.engine.transport.Subscription;
import io.scatter.engine.transport.TaskDelivery;
import io.scatter.engine.transport.TransportException;
import io.scatter.engine.worker.RetryBackoff;
import io.scatter.engine.worker.TaskRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A consumer holding more tasks than it runs, and results published without the caller waiting for the confirm. */
class RabbitTaskTransportPrefetchTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static RabbitTransportFixture fixture;

    @BeforeAll
    static void createVhost() throws Exception {
        fixture = RabbitTransportFixture.create("prefetch");
    }

    @AfterAll
    static void deleteVhost() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @AfterEach
    void closeTransports() {
        fixture.closeAll();
    }

    @Test
    void aWorkerHoldsMoreTasksThanItRunsAndReturnsTheUnstartedOnesWhenItStops() throws Exception {
        RabbitTaskTransport transport = fixture.newTransport(RabbitTaskTransport.Options.DEFAULTS
                .withCloseGrace(Await.TIMEOUT));
        transport.publishTasks(tasks(UUID.randomUUID(), 5));
        CountDownLatch release = new CountDownLatch(1);
        List<TaskDelivery> handled = new CopyOnWriteArrayList<>();
        Subscription subscription = transport.consumeTasks(1, 3, delivery -> {
            handled.add(delivery);
            await(release);
            delivery.ack();
        });
        Await.until("the consumer holds three tasks", () -> counts().ready() == 2 && handled.size() == 1);

        CompletableFuture<Void> closing = CompletableFuture.runAsync(subscription::close);
        Await.until("the consumer is cancelled", () -> counts().consumers() == 0);
        release.countDown();
        closing.get(Await.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(handled).as("one task ran; the two waiting for the thread were not handed out").hasSize(1);
        Await.until("the two unstarted tasks are back on the queue", () -> counts().ready() == 4);
    }

    @Test
    void resultsPublishedWithoutWaitingAreOnTheResultQueueOnceTheirStagesComplete() throws Exception {
        RabbitTaskTransport transport = fixture.newTransport();
        List<CompletableFuture<Void>> stages = new ArrayList<>();
        for (TaskMessage task : tasks(UUID.randomUUID(), 50)) {
            stages.add(transport.publishResultAsync(UUID.randomUUID().toString(), result(task)).toCompletableFuture());
        }

        CompletableFuture.allOf(stages.toArray(CompletableFuture[]::new)).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

        try (Channel channel = fixture.channel()) {
            assertThat(channel.messageCount(Channels.RESULTS_QUEUE)).isEqualTo(50);
        }
    }

    @Test
    void aResultTheBrokerCannotRouteFailsItsStage() throws Exception {
        RabbitTaskTransport transport = fixture.newTransport();
        deleteResultQueue();

        CompletableFuture<Void> stage = transport.publishResultAsync("result-1",
                result(tasks(UUID.randomUUID(), 1).get(0))).toCompletableFuture();

        assertThatThrownBy(() -> stage.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TransportException.class)
                .hasMessageContaining("unroutable");
    }

    @Test
    void aTaskWhoseResultIsNotConfirmedIsNotAckedAndComesBackToBeComputedAgain() throws Exception {
        RabbitTaskTransport transport = fixture.newTransport();
        deleteResultQueue();
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        TaskMessage task = new TaskMessage(UUID.randomUUID(), 0, 1, SumJobType.NAME, Map.of("value", 3L));
        transport.publishTasks(List.of(task));

        try (TaskRunner runner = new TaskRunner(transport, JobTypes.of(new SumJobType()), "w-1", 1, 2,
                Clock.systemUTC(), RetryBackoff.DEFAULT);
             Subscription ignored = transport.consumeTasks(1, 2, delivery -> {
                 attempts.add(delivery.attempt());
                 runner.handle(delivery);
             })) {
            Await.until("the task comes back after its result failed", () -> attempts.contains(2));
        }

        assertThat(attempts).startsWith(1, 2);
    }

    private record Counts(long ready, long consumers) {
    }

    private static Counts counts() {
        try (Channel channel = fixture.channel()) {
            return new Counts(channel.messageCount(Channels.TASKS_QUEUE), channel.consumerCount(Channels.TASKS_QUEUE));
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteResultQueue() throws Exception {
        try (Channel channel = fixture.channel()) {
            channel.queueDelete(Channels.RESULTS_QUEUE);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<TaskMessage> tasks(UUID job, int count) {
        List<TaskMessage> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tasks.add(new TaskMessage(job, i, count, "prime-count", Map.of("from", i, "to", i)));
        }
        return tasks;
    }

    private static TaskResultMessage result(TaskMessage task) {
        Instant finished = Instant.now();
        return TaskResultMessage.succeeded(task, Map.of("count", 0), "w-1", 1, finished.minusMillis(1), finished);
    }
}
