package io.scatter.worker;

import com.rabbitmq.client.GetResponse;
import io.scatter.contracts.Channels;
import io.scatter.contracts.TaskMessage;
import io.scatter.contracts.TaskResultMessage;
import io.scatter.contracts.TaskResultMessage.Outcome;
import io.scatter.core.jobtype.JobTypes;
import io.scatter.worker.testing.SlowJobType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class WorkerShutdownTest {

    private static TestBroker broker;
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
    void emptyQueues() throws Exception {
        broker.purge(Channels.TASKS_QUEUE, Channels.RESULTS_QUEUE, Channels.TASKS_DEAD_LETTER_QUEUE);
        SlowJobType.reset();
    }

    @AfterEach
    void stopWorker() {
        if (worker != null) {
            worker.close();
        }
    }

    @Test
    void closingTheWorkerWhileASlowTaskRunsReturnsTheTaskToTheQueue() throws Exception {
        startWorker(1, Duration.ZERO);
        TaskMessage task = TestBroker.task("test-slow", Map.of("millis", 60_000));
        broker.publishTask(task);
        assertThat(SlowJobType.awaitStarted(1, 20)).as("slow task started").isTrue();

        worker.close();

        assertThat(SlowJobType.awaitInterrupted(20)).as("slow task interrupted").isTrue();
        GetResponse redelivered = broker.awaitMessage(Channels.TASKS_QUEUE, true);
        assertThat(redelivered.getProps().getHeaders()).containsKey("x-delivery-count");
        assertThat(redelivered.getProps().getHeaders().get("cloudEvents:subject")).hasToString(task.jobId().toString());
        assertThat(broker.ready(Channels.RESULTS_QUEUE)).as("results of the abandoned task").isZero();
    }

    @Test
    void closingTheWorkerLetsAnInFlightTaskFinishWithinTheGraceAndAcknowledgesIt() throws Exception {
        startWorker(1, Duration.ofSeconds(30));
        TaskMessage task = TestBroker.task("test-slow", Map.of("millis", 300));
        broker.publishTask(task);
        assertThat(SlowJobType.awaitStarted(1, 20)).as("slow task started").isTrue();

        worker.close();

        TaskResultMessage result = broker.awaitResult().result();
        assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(result.jobId()).isEqualTo(task.jobId());
        assertThat(broker.ready(Channels.TASKS_QUEUE)).isZero();
    }

    @Test
    void aWorkerWithAPrefetchOfTwiceItsConcurrencyComputesAsManyAsItsConcurrencyAndLeavesTheRestQueued()
            throws Exception {
        worker = new Worker(new WorkerConfig(broker.uri(), 2, "test-worker", Duration.ZERO,
                WorkerConfig.DEFAULT_HEARTBEAT, "", 4), JobTypes.load());
        worker.start();
        for (int i = 0; i < 5; i++) {
            broker.publishTask(TestBroker.task("test-slow", Map.of("millis", 60_000)));
        }

        assertThat(SlowJobType.awaitStarted(2, 20)).as("two slow tasks started").isTrue();
        assertThat(broker.ready(Channels.TASKS_QUEUE)).as("tasks the broker kept back").isEqualTo(1);

        worker.close();
        assertThat(SlowJobType.awaitStarted(1, 0)).as("a third task started").isFalse();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (broker.ready(Channels.TASKS_QUEUE) < 5 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(broker.ready(Channels.TASKS_QUEUE)).as("every task held or running is back").isEqualTo(5);
    }

    private void startWorker(int concurrency, Duration grace) throws Exception {
        worker = new Worker(new WorkerConfig(broker.uri(), concurrency, "test-worker", grace), JobTypes.load());
        worker.start();
    }
}
