package io.scatter.worker;

import io.scatter.contracts.Channels;
import io.scatter.core.jobtype.JobTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A worker whose consumer the broker ends for good stops, so that its supervisor restarts it. */
class WorkerLostConsumerTest {

    private static TestBroker broker;

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

    @Test
    void aWorkerWhoseTaskQueueIsDeletedStopsAndSaysItWasLost() throws Exception {
        try (Worker worker = new Worker(new WorkerConfig(broker.uri(), 1, "lost-worker", Duration.ofSeconds(5)),
                JobTypes.load())) {
            worker.start();
            Thread waiter = new Thread(() -> {
                try {
                    worker.awaitTermination();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            waiter.start();

            broker.deleteQueue(Channels.TASKS_QUEUE);
            waiter.join(Duration.ofSeconds(30).toMillis());

            assertThat(waiter.isAlive()).as("the worker noticed its consumer was gone").isFalse();
            assertThat(worker.lost()).isTrue();
        } finally {
            broker.declareTopology();
        }
    }
}
