package io.scatter.messaging.transport;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import io.cloudevents.CloudEvent;
import io.scatter.contracts.Channels;
import io.scatter.contracts.JobCancelledMessage;
import io.scatter.contracts.TaskMessage;
import io.scatter.contracts.TaskResultMessage;
import io.scatter.engine.transport.DeadTask;
import io.scatter.engine.transport.ResultDelivery;
import io.scatter.engine.transport.Subscription;
import io.scatter.engine.transport.TaskDelivery;
import io.scatter.engine.transport.TaskTransport;
import io.scatter.engine.transport.TransportException;
import io.scatter.messaging.BrokerConnection;
import io.scatter.messaging.CloudEventAmqpCodec;
import io.scatter.messaging.ConfirmingPublisher;
import io.scatter.messaging.OutgoingMessage;
import io.scatter.messaging.PublishFailedException;
import io.scatter.messaging.ScatterEvents;
import io.scatter.messaging.testing.TestVhost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What is particular to RabbitMQ: the wire format, dead-lettering with a reason, and the quorum queue's counting. */
class RabbitTaskTransportTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static RabbitTransportFixture fixture;

    @BeforeAll
    static void createVhost() throws Exception {
        fixture = RabbitTransportFixture.create("transport");
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
    void aPublishedTaskIsTheCloudEventTheWorkersRead() throws Exception {
        RabbitTaskTransport transport = fixture.newTransport();
        TaskMessage task = task(UUID.randomUUID(), 2, 5);
        Instant before = Instant.now().minusSeconds(1);

        transport.publishTasks(List.of(task));

        try (Channel channel = fixture.channel()) {
            GetResponse response = channel.basicGet(Channels.TASKS_QUEUE, true);
            assertThat(response).isNotNull();
            AMQP.BasicProperties properties = response.getProps();
            CloudEvent event = CloudEventAmqpCodec.decode(properties, response.getBody());
            assertThat(ScatterEvents.data(event, TaskMessage.class)).isEqualTo(task);
            assertThat(event.getType()).isEqualTo(TaskMessage.TYPE);
            assertThat(event.getSource()).isEqualTo(URI.create(Channels.API_SOURCE));
            assertThat(event.getSubject()).isEqualTo(task.jobId().toString());
            assertThat(event.getTime().toInstant()).isAfter(before);
            assertThat(UUID.fromString(event.getId())).isNotNull();
            assertThat(properties.getMessageId()).isEqualTo(event.getId());
            assertThat(properties.getContentType()).isEqualTo(ScatterEvents.JSON);
            assertThat(properties.getDeliveryMode()).isEqualTo(2);
            assertThat(properties.getHeaders().keySet()).filteredOn(key -> !key.startsWith("x-"))
                    .containsExactlyInAnyOrder("cloudEvents:specversion", "cloudEvents:id", "cloudEvents:source",
                            "cloudEvents:type", "cloudEvents:subject", "cloudEvents:time");
        }
    }

    @Test
    void aPublishedResultKeepsItsMessageIdAndIsTheCloudEventTheApiReads() throws Exception {
        RabbitTaskTransport transport = fixture.newTransport();
        TaskResultMessage result = result(task(UUID.randomUUID(), 0, 1), "node-7", 2);

        transport.publishResult("result-1", result);
        transport.publishResult("result-1", result);

        try (Channel channel = fixture.channel()) {
            for (int i = 0; i < 2; i++) {
                GetResponse response = channel.basicGet(Channels.RESULTS_QUEUE, true);
                assertThat(response).isNotNull();
                CloudEvent event = CloudEventAmqpCodec.decode(response.getProps(), response.getBody());
                assertThat(event.getId()).isEqualTo("result-1");
                assertThat(event.getSource()).isEqualTo(URI.create(Channels.WORKER_SOURCE_PREFIX + "node-7"));
                assertThat(event.getSubject()).isEqualTo(result.jobId().toString());
                assertThat(event.getTime().toInstant()).isEqualTo(result.finishedAt());
                assertThat(ScatterEvents.data(event, TaskResultMessage.class)).isEqualTo(result);
                assertThat(response.getProps().getDeliveryMode()).isEqualTo(2);
            }
        }
    }

    @Test
    void tasksAndResultsPublishedTheWayTheApiAndWorkersDoTodayAreConsumed() throws Exception {
        RabbitTaskTransport transport = fixture.newTransport();
        TaskMessage task = task(UUID.randomUUID(), 0, 1);
        TaskResultMessage result = result(task, "legacy-worker", 1);
        try (BrokerConnection connection = BrokerConnection.open(fixture.uri(), "legacy", null);
             ConfirmingPublisher publisher = new ConfirmingPublisher(connection)) {
            publisher.publish(new OutgoingMessage(TaskMessage.EXCHANGE, TaskMessage.ROUTING_KEY,
                    ScatterEvents.event("task-event-1", Channels.API_SOURCE, TaskMessage.TYPE,
                            task.jobId().toString(), Instant.now(), ScatterEvents.toJson(task))), WAIT);
            publisher.publish(new OutgoingMessage(TaskResultMessage.EXCHANGE, TaskResultMessage.ROUTING_KEY,
                    ScatterEvents.event("result-event-1", Channels.WORKER_SOURCE_PREFIX + "legacy-worker",
                            result.jobId().toString(), result.finishedAt(), result)), WAIT);
        }
        BlockingQueue<TaskDelivery> tasks = new LinkedBlockingQueue<>();
        BlockingQueue<ResultDelivery> results = new LinkedBlockingQueue<>();
        transport.consumeTasks(1, tasks::add);
        transport.consumeResults(results::add);

        TaskDelivery taskDelivery = tasks.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(taskDelivery).isNotNull();
        assertThat(taskDelivery.task()).isEqualTo(task);
        assertThat(taskDelivery.attempt()).isEqualTo(1);
        taskDelivery.ack();
        ResultDelivery resultDelivery = results.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(resultDelivery).isNotNull();
        assertThat(resultDelivery.messageId()).isEqualTo("result-event-1");
        assertThat(resultDelivery.result()).isEqualTo(result);
        resultDelivery.ack();
    }

    @Test
    void aRejectedTaskLandsInTheDeadLetterQueueWithItsReasonAndCloudEvent() throws Exception {
        RabbitTaskTransport transport = fixture.newTransport();
        TaskMessage task = task(UUID.randomUUID(), 1, 3);
        transport.publishTasks(List.of(task));
        BlockingQueue<TaskDelivery> deliveries = new LinkedBlockingQueue<>();
        try (Subscription ignored = transport.consumeTasks(1, deliveries::add)) {
            TaskDelivery delivery = deliveries.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(delivery).isNotNull();
            delivery.reject("unknown job type 'nope'\n  at line two");
        }

        List<DeadTask> dead = transport.deadTasks();
        assertThat(dead).containsExactly(new DeadTask(task, "unknown job type 'nope' at line two"));
        assertThat(transport.deadTasks()).as("reading the dead tasks leaves them there").isEqualTo(dead);
        try (Channel channel = fixture.channel()) {
            assertThat(channel.basicGet(Channels.TASKS_QUEUE, true)).as("the original is acked").isNull();
            GetResponse copy = channel.basicGet(Channels.TASKS_DEAD_LETTER_QUEUE, true);
            assertThat(copy).isNotNull();
            Map<String, Object> headers = copy.getProps().getHeaders();
            assertThat(headers.get(RabbitTaskTransport.REASON_HEADER)).hasToString("unknown job type 'nope' at line two");
            assertThat(headers.get(RabbitTaskTransport.ATTEMPTS_HEADER)).isEqualTo(1);
            assertThat(headers).doesNotContainKey("x-death");
            CloudEvent event = CloudEventAmqpCodec.decode(copy.getProps(), copy.getBody());
            assertThat(event.getSource()).isEqualTo(URI.create(Channels.API_SOURCE));
            assertThat(ScatterEvents.data(event, TaskMessage.class)).isEqualTo(task);
        }
    }

    @Test
    void deadTasksAreListedOldestFirstAndStayListedAcrossReads() throws Exception {
        RabbitTaskTransport transport = fixture.newTransport();
        UUID job = UUID.randomUUID();
        List<TaskMessage> tasks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tasks.add(task(job, i, 6));
        }
        transport.publishTasks(tasks);
        CountDownLatch rejected = new CountDownLatch(tasks.size());
        transport.consumeTasks(1, delivery -> {
            delivery.reject("reason " + delivery.task().taskIndex());
            rejected.countDown();
        });
        assertThat(rejected.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

        for (int read = 0; read < 3; read++) {
            assertThat(transport.deadTasks()).extracting(DeadTask::reason)
                    .containsExactly("reason 0", "reason 1", "reason 2", "reason 3", "reason 4", "reason 5");
        }
    }

    @Test
    void malformedMessagesAreDeadLetteredWithoutReachingTheHandler() throws Exception {
        RabbitTaskTransport transport = fixture.newTransport();
        TaskMessage good = task(UUID.randomUUID(), 0, 1);
        UUID otherJob = UUID.randomUUID();
        try (Channel channel = fixture.channel()) {
            channel.confirmSelect();
            channel.basicPublish(TaskMessage.EXCHANGE, TaskMessage.ROUTING_KEY, true,
                    new AMQP.BasicProperties.Builder().contentType("text/plain").build(),
                    "not a cloud event".getBytes(StandardCharsets.UTF_8));
            channel.basicPublish(TaskMessage.EXCHANGE, TaskMessage.ROUTING_KEY, true,
                    CloudEventAmqpCodec.encode(ScatterEvents.event("wrong-type", Channels.API_SOURCE,
                            otherJob.toString(), Instant.now(), new JobCancelledMessage(otherJob))).properties(),
                    ScatterEvents.toJson(new JobCancelledMessage(otherJob)));
            channel.waitForConfirmsOrDie(WAIT.toMillis());
        }
        transport.publishTasks(List.of(good));
        BlockingQueue<TaskDelivery> deliveries = new LinkedBlockingQueue<>();
        transport.consumeTasks(2, delivery -> {
            deliveries.add(delivery);
            delivery.ack();
        });

        TaskDelivery delivery = deliveries.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(delivery).isNotNull();
        assertThat(delivery.task()).isEqualTo(good);
        List<DeadTask> dead = awaitDeadTasks(transport, 2);
        assertThat(dead).extracting(DeadTask::task).containsOnlyNulls();
        assertThat(dead).extracting(DeadTask::reason).containsExactlyInAnyOrder(
                "malformed task message: not a CloudEvent: no cloudEvents:specversion header",
                "malformed task message: expected a scatter.task.v1 event, got scatter.job-cancelled.v1");
        assertThat(deliveries.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void whenTheDeadLetterCopyCannotBePublishedTheTaskIsRejectedToTheQueuesDeadLetterExchange() throws Exception {
        RabbitTaskTransport transport = fixture.newTransport();
        TaskMessage task = task(UUID.randomUUID(), 0, 1);
        transport.publishTasks(List.of(task));
        try (Channel channel = fixture.channel()) {
            GetResponse response = channel.basicGet(Channels.TASKS_QUEUE, false);
            assertThat(response).isNotNull();
            InboundMessage message = new InboundMessage(channel, response.getEnvelope().getDeliveryTag(),
                    response.getProps(), response.getBody(), Channels.TASKS_DEAD_LETTER_QUEUE, (key, copy) -> {
                        throw new PublishFailedException("no publisher confirm within 10 ms");
                    });

            message.deadLetter("unknown job type");
            message.deadLetter("twice");
        }

        assertThat(awaitDeadTasks(transport, 1)).containsExactly(new DeadTask(task, "rejected"));
        try (Channel channel = fixture.channel()) {
            assertThat(channel.basicGet(Channels.TASKS_QUEUE, true)).isNull();
        }
    }

    @Test
    void aTaskRejectedWithoutTheAdapterCarriesTheBrokersReason() throws Exception {
        RabbitTaskTransport transport = fixture.newTransport();
        TaskMessage task = task(UUID.randomUUID(), 0, 1);
        transport.publishTasks(List.of(task));
        try (Channel channel = fixture.channel()) {
            GetResponse response = channel.basicGet(Channels.TASKS_QUEUE, false);
            channel.basicReject(response.getEnvelope().getDeliveryTag(), false);
        }

        assertThat(awaitDeadTasks(transport, 1)).containsExactly(new DeadTask(task, "rejected"));
    }

    @Test
    void aConsumerThatGoesAwayLeavesItsTaskToTheNextWithTheAttemptOneHigher() throws Exception {
        RabbitTaskTransport worker = fixture.newTransport();
        worker.publishTasks(List.of(task(UUID.randomUUID(), 0, 1)));
        BlockingQueue<TaskDelivery> first = new LinkedBlockingQueue<>();
        Subscription crashed = worker.consumeTasks(1, first::add);
        TaskDelivery abandoned = first.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(abandoned).isNotNull();
        assertThat(abandoned.attempt()).isEqualTo(1);

        crashed.close();
        abandoned.ack();
        abandoned.ack();

        BlockingQueue<TaskDelivery> second = new LinkedBlockingQueue<>();
        fixture.newTransport().consumeTasks(1, second::add);
        TaskDelivery redelivered = second.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(redelivered).isNotNull();
        assertThat(redelivered.task()).isEqualTo(abandoned.task());
        assertThat(redelivered.attempt()).isEqualTo(2);
        redelivered.ack();
    }

    @Test
    void afterALostConnectionTheConsumerRecoversTheTaskComesBackAndStaleSettlementsDoNotThrow() throws Exception {
        RabbitTaskTransport transport = fixture.newTransport();
        transport.publishTasks(List.of(task(UUID.randomUUID(), 0, 1)));
        BlockingQueue<TaskDelivery> deliveries = new LinkedBlockingQueue<>();
        transport.consumeTasks(1, deliveries::add);
        TaskDelivery beforeLoss = deliveries.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(beforeLoss).isNotNull();

        TestVhost.rabbitmqctl("close_all_connections", "-p", fixture.vhostName(), "test: connection lost");

        TaskDelivery afterRecovery = deliveries.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(afterRecovery).as("redelivered to the recovered consumer").isNotNull();
        assertThat(afterRecovery.task()).isEqualTo(beforeLoss.task());
        assertThat(afterRecovery.attempt()).isEqualTo(2);
        beforeLoss.reject("too late");
        beforeLoss.ack();
        afterRecovery.ack();
        TaskMessage next = task(UUID.randomUUID(), 0, 1);
        transport.publishTasks(List.of(next));
        TaskDelivery third = deliveries.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(third).isNotNull();
        assertThat(third.task()).isEqualTo(next);
        assertThat(third.attempt()).isEqualTo(1);
        third.ack();
        assertThat(deliveries.poll(300, TimeUnit.MILLISECONDS)).as("the stale ack acked nothing else").isNull();
        assertThat(transport.deadTasks()).isEmpty();
    }

    @Test
    void aHandlerStillRunningWhenItsSubscriptionClosesMaySettleWithinTheCloseGrace() throws Exception {
        RabbitTaskTransport transport = fixture.newTransport();
        transport.publishTasks(List.of(task(UUID.randomUUID(), 0, 1)));
        CountDownLatch handling = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Subscription subscription = transport.consumeTasks(1, delivery -> {
            handling.countDown();
            try {
                if (release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    delivery.ack();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(handling.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

        Thread closing = new Thread(subscription::close);
        closing.start();
        Thread.sleep(100);
        assertThat(closing.isAlive()).as("close waits for the running handler").isTrue();
        release.countDown();
        closing.join(WAIT.toMillis());

        assertThat(closing.isAlive()).isFalse();
        try (Channel channel = fixture.channel()) {
            assertThat(channel.basicGet(Channels.TASKS_QUEUE, true)).as("acked within the grace").isNull();
        }
    }

    @Test
    void aHandlerOverrunningTheCloseGraceIsInterruptedAndItsTaskIsDeliveredAgain() throws Exception {
        RabbitTaskTransport transport = fixture.newTransport(RabbitTaskTransport.Options.DEFAULTS
                .withCloseGrace(Duration.ofMillis(200)));
        TaskMessage task = task(UUID.randomUUID(), 0, 1);
        transport.publishTasks(List.of(task));
        CountDownLatch handling = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        Subscription subscription = transport.consumeTasks(1, delivery -> {
            handling.countDown();
            try {
                Thread.sleep(WAIT.toMillis());
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            delivery.ack();
        });
        assertThat(handling.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

        subscription.close();

        assertThat(interrupted.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        BlockingQueue<TaskDelivery> next = new LinkedBlockingQueue<>();
        transport.consumeTasks(1, next::add);
        TaskDelivery again = next.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(again).isNotNull();
        assertThat(again.task()).isEqualTo(task);
        assertThat(again.attempt()).isEqualTo(2);
        again.ack();
    }

    @Test
    void aTaskIsHandedOutExactlyDeliveryLimitTimesThenDeadLettered() throws Exception {
        RabbitTaskTransport transport = fixture.newTransport();
        TaskMessage requeued = task(UUID.randomUUID(), 0, 2);
        TaskMessage crashing = task(UUID.randomUUID(), 1, 2);
        transport.publishTasks(List.of(requeued));
        List<Integer> attempts = Collections.synchronizedList(new ArrayList<>());
        try (Subscription ignored = transport.consumeTasks(1, delivery -> {
            attempts.add(delivery.attempt());
            delivery.requeue();
        })) {
            awaitDeadTasks(transport, 1);
        }
        assertThat(attempts).containsExactly(1, 2, 3, 4, 5);

        transport.publishTasks(List.of(crashing));
        for (int attempt = 1; attempt <= TaskTransport.DELIVERY_LIMIT; attempt++) {
            BlockingQueue<TaskDelivery> held = new LinkedBlockingQueue<>();
            Subscription subscription = transport.consumeTasks(1, held::add);
            TaskDelivery delivery = held.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(delivery).isNotNull();
            assertThat(delivery.attempt()).isEqualTo(attempt);
            subscription.close();
        }
        AtomicInteger handedOut = new AtomicInteger();
        transport.consumeTasks(1, delivery -> handedOut.incrementAndGet());

        List<DeadTask> dead = awaitDeadTasks(transport, 2);
        assertThat(dead).extracting(DeadTask::task).containsExactly(requeued, crashing);
        assertThat(dead).extracting(DeadTask::reason)
                .allSatisfy(reason -> assertThat(reason).startsWith("delivery_limit"));
        assertThat(handedOut).hasValue(0);
    }

    @Test
    void atMostConcurrencyTasksAreUnsettledAtATimeEachOnAnAdapterThread() throws Exception {
        RabbitTaskTransport transport = fixture.newTransport();
        List<TaskMessage> tasks = new ArrayList<>();
        UUID job = UUID.randomUUID();
        for (int i = 0; i < 9; i++) {
            tasks.add(task(job, i, 9));
        }
        transport.publishTasks(tasks);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        CountDownLatch done = new CountDownLatch(9);
        transport.consumeTasks(3, delivery -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            threads.add(Thread.currentThread().getName());
            sleep(100);
            inFlight.decrementAndGet();
            delivery.ack();
            done.countDown();
        });

        assertThat(done.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(maxInFlight.get()).isEqualTo(3);
        assertThat(threads).hasSize(3).allSatisfy(name -> assertThat(name).startsWith("scatter-tasks-"));
    }

    @Test
    void resultsArePublishedFromManyThreadsAtOnceAndHandedOutOneAtATime() throws Exception {
        RabbitTaskTransport transport = fixture.newTransport();
        TaskMessage task = task(UUID.randomUUID(), 0, 1);
        ExecutorService publishers = Executors.newFixedThreadPool(8);
        List<Future<?>> published = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = "result-" + i;
            published.add(publishers.submit(() -> {
                transport.publishResult(id, result(task, "w", 1));
                return null;
            }));
        }
        for (Future<?> future : published) {
            future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
        publishers.shutdown();

        Set<String> ids = ConcurrentHashMap.newKeySet();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(40);
        transport.consumeResults(delivery -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            ids.add(delivery.messageId());
            inFlight.decrementAndGet();
            delivery.ack();
            done.countDown();
        });
        assertThat(done.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(ids).hasSize(40);
        assertThat(maxInFlight.get()).isEqualTo(1);
    }

    @Test
    void aRejectedResultGoesToTheResultDeadLetterQueueWithItsReason() throws Exception {
        RabbitTaskTransport transport = fixture.newTransport();
        transport.publishResult("poison", result(task(UUID.randomUUID(), 0, 1), "w", 1));
        CountDownLatch rejected = new CountDownLatch(1);
        transport.consumeResults(delivery -> {
            delivery.reject("task 0 of an unknown job");
            rejected.countDown();
        });
        assertThat(rejected.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

        try (Channel channel = fixture.channel()) {
            GetResponse dead = channel.basicGet(Channels.RESULTS_DEAD_LETTER_QUEUE, true);
            assertThat(dead).isNotNull();
            assertThat(dead.getProps().getHeaders().get(RabbitTaskTransport.REASON_HEADER))
                    .hasToString("task 0 of an unknown job");
            assertThat(CloudEventAmqpCodec.decode(dead.getProps(), dead.getBody()).getId()).isEqualTo("poison");
        }
    }

    @Test
    void cancellationsReachEveryListenerSubscribedAtTheTime() throws Exception {
        RabbitTaskTransport api = fixture.newTransport();
        RabbitTaskTransport worker = fixture.newTransport();
        BlockingQueue<UUID> first = new LinkedBlockingQueue<>();
        BlockingQueue<UUID> second = new LinkedBlockingQueue<>();
        worker.onCancel(first::add);
        Subscription closed = worker.onCancel(second::add);
        UUID job = UUID.randomUUID();

        api.broadcastCancel(job);

        assertThat(first.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(job);
        assertThat(second.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(job);
        closed.close();
        UUID later = UUID.randomUUID();
        api.broadcastCancel(later);
        assertThat(first.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(later);
        assertThat(second.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aCancellationWithoutListenersIsFineAndAClosedTransportRefusesWork() throws Exception {
        RabbitTaskTransport transport = fixture.newTransport();
        transport.broadcastCancel(UUID.randomUUID());
        transport.close();
        transport.close();

        assertThatThrownBy(() -> transport.publishTasks(List.of(task(UUID.randomUUID(), 0, 1))))
                .isInstanceOf(TransportException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> transport.consumeTasks(1, delivery -> { }))
                .isInstanceOf(TransportException.class);
        assertThatThrownBy(transport::deadTasks).isInstanceOf(TransportException.class);
    }

    /** The dead tasks once there are at least {@code count}; fails after a wait. */
    static List<DeadTask> awaitDeadTasks(TaskTransport transport, int count) throws Exception {
        return await(() -> {
            try {
                List<DeadTask> dead = transport.deadTasks();
                return dead.size() >= count ? dead : null;
            } catch (TransportException e) {
                throw new IllegalStateException(e);
            }
        }, count + " dead task(s)");
    }

    private static <T> T await(Supplier<T> probe, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("no " + what + " within " + WAIT.toSeconds() + " s");
    }

    private static TaskMessage task(UUID job, int index, int count) {
        return new TaskMessage(job, index, count, "prime-count", Map.of("from", index * 100, "to", index * 100 + 99));
    }

    private static TaskResultMessage result(TaskMessage task, String worker, int attempt) {
        Instant finished = Instant.parse("2026-11-25T12:00:01.500Z");
        return TaskResultMessage.succeeded(task, Map.of("count", 25), worker, attempt, finished.minusMillis(250),
                finished);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
