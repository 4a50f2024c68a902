package io.scatter.worker;

import io.scatter.contracts.Channels;
import io.scatter.contracts.TaskMessage;
import io.scatter.contracts.WorkerHeartbeatMessage;
import io.scatter.contracts.WorkerHeartbeatMessage.State;
import io.scatter.core.jobtype.JobTypes;
import io.scatter.messaging.heartbeat.HeartbeatConsumer;
import io.scatter.worker.testing.SlowJobType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** A worker's heartbeats on the real local RabbitMQ: what they carry, and the last one when it stops. */
class WorkerHeartbeatTest {

    private static final Duration INTERVAL = Duration.ofMillis(200);

    private static TestBroker broker;
    private final BlockingQueue<WorkerHeartbeatMessage> heartbeats = new LinkedBlockingQueue<>();
    private HeartbeatConsumer listener;
    private Worker worker;

    @BeforeAll
    static void createVhost() throws Exception {
        broker = TestBroker.inNewVhost();
    }

    @AfterAll
    static void deleteVhost() {
        if (broker != null) {
            broker.close();
        }
    }

    @BeforeEach
    void listen() throws Exception {
        broker.purge(Channels.TASKS_QUEUE, Channels.RESULTS_QUEUE, Channels.TASKS_DEAD_LETTER_QUEUE);
        SlowJobType.reset();
        listener = broker.heartbeats(heartbeats::add);
    }

    @AfterEach
    void stop() {
        if (worker != null) {
            worker.close();
        }
        listener.close();
    }

    @Test
    void aStartedWorkerSaysAtOnceWhoAndWhereItIsAndThatItRuns() throws Exception {
        Instant before = Instant.now().minusMillis(1);
        startWorker("hb-first", 3);

        WorkerHeartbeatMessage first = awaitHeartbeat(heartbeat -> true);

        assertThat(first.worker()).isEqualTo("hb-first");
        assertThat(first.host()).isEqualTo(WorkerOptions.hostName());
        assertThat(first.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(first.concurrency()).isEqualTo(3);
        assertThat(first.state()).isEqualTo(State.RUNNING);
        assertThat(first.tasksDone()).isZero();
        assertThat(first.tasksFailed()).isZero();
        assertThat(first.inFlight()).isEmpty();
        assertThat(first.startedAt()).isAfter(before).isBeforeOrEqualTo(first.sentAt());
    }

    @Test
    void theHeartbeatsCountTheTasksDoneAndFailedAndListTheTasksInFlight() throws Exception {
        startWorker("hb-counting", 2);
        broker.publishTask(TestBroker.task("test-sum", Map.of("from", 1, "to", 10)));
        broker.publishTask(TestBroker.task("test-boom", Map.of("reason", "no", "permanent", true)));
        broker.awaitResult();
        broker.awaitResult();

        WorkerHeartbeatMessage counted = awaitHeartbeat(heartbeat -> heartbeat.tasksDone() == 2);
        assertThat(counted.tasksFailed()).isEqualTo(1);
        assertThat(counted.inFlight()).isEmpty();

        TaskMessage slow = TestBroker.task("test-slow", Map.of("millis", 60_000));
        broker.publishTask(slow);
        assertThat(SlowJobType.awaitStarted(1, 20)).as("slow task started").isTrue();
        WorkerHeartbeatMessage busy = awaitHeartbeat(heartbeat -> !heartbeat.inFlight().isEmpty());
        assertThat(busy.inFlight()).singleElement().satisfies(task -> {
            assertThat(task.jobId()).isEqualTo(slow.jobId());
            assertThat(task.taskIndex()).isZero();
            assertThat(task.startedAt()).isBeforeOrEqualTo(busy.sentAt());
        });
    }

    @Test
    void aClosingWorkerSaysItIsStoppingAndItsLastHeartbeatSaysSoToo() throws Exception {
        startWorker("hb-stopping", 1);
        awaitHeartbeat(heartbeat -> true);

        worker.close();

        WorkerHeartbeatMessage stopping = awaitHeartbeat(heartbeat -> heartbeat.state() == State.STOPPING);
        assertThat(stopping.worker()).isEqualTo("hb-stopping");
        Thread.sleep(INTERVAL.multipliedBy(3).toMillis());
        WorkerHeartbeatMessage last = stopping;
        for (WorkerHeartbeatMessage later = heartbeats.poll(); later != null; later = heartbeats.poll()) {
            last = later;
        }
        assertThat(last.state()).as("the last heartbeat").isEqualTo(State.STOPPING);
        assertThat(heartbeats.poll(INTERVAL.multipliedBy(3).toMillis(), TimeUnit.MILLISECONDS))
                .as("a heartbeat after the worker closed").isNull();
    }

    @Test
    void heartbeatsThatCannotBePublishedNeitherStopTheWorkerNorTheHeartbeatsAfterwards() throws Exception {
        startWorker("hb-outage", 1);
        awaitHeartbeat(heartbeat -> true);

        broker.deleteExchange(Channels.HEARTBEATS_EXCHANGE);
        Thread.sleep(INTERVAL.multipliedBy(3).toMillis());
        broker.publishTask(TestBroker.task("test-sum", Map.of("from", 1, "to", 3)));
        assertThat(broker.awaitResult().result().worker()).isEqualTo("hb-outage");

        broker.declareTopology();
        listener.close();
        heartbeats.clear();
        listener = broker.heartbeats(heartbeats::add);
        WorkerHeartbeatMessage again = awaitHeartbeat(heartbeat -> heartbeat.tasksDone() == 1);
        assertThat(again.state()).isEqualTo(State.RUNNING);
    }

    private void startWorker(String name, int concurrency) throws Exception {
        worker = new Worker(new WorkerConfig(broker.uri(), concurrency, name, Duration.ZERO, INTERVAL),
                JobTypes.load());
        worker.start();
    }

    /** The first heartbeat to arrive that is {@code wanted}, dropping others; fails after a wait. */
    private WorkerHeartbeatMessage awaitHeartbeat(Predicate<WorkerHeartbeatMessage> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + TestBroker.WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            WorkerHeartbeatMessage heartbeat = heartbeats.poll(100, TimeUnit.MILLISECONDS);
            if (heartbeat != null && wanted.test(heartbeat)) {
                return heartbeat;
            }
        }
        throw new AssertionError("no such heartbeat within " + TestBroker.WAIT.toSeconds() + " s");
    }
}
