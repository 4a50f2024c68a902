package io.scatter.worker;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import io.scatter.contracts.Channels;
import io.scatter.contracts.TaskMessage;
import io.scatter.contracts.TaskResultMessage;
import io.scatter.contracts.TaskResultMessage.Outcome;
import io.scatter.core.jobtype.JobTypes;
import io.scatter.messaging.ScatterEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

class WorkerTasksTest {

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
    }

    @AfterEach
    void stopWorker() {
        if (worker != null) {
            worker.close();
        }
    }

    @Test
    void aTaskIsComputedItsOneResultIsPublishedAndTheTaskIsAcknowledged() throws Exception {
        startWorker(2);
        TaskMessage task = TestBroker.task("test-sum", Map.of("from", 1, "to", 100));

        broker.publishTask(task);
        TestBroker.Received received = broker.awaitResult();
        worker.close();

        TaskResultMessage result = received.result();
        assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(result.result()).containsEntry("sum", 5050);
        assertThat(result.jobId()).isEqualTo(task.jobId());
        assertThat(result.taskIndex()).isEqualTo(task.taskIndex());
        assertThat(result.jobType()).isEqualTo("test-sum");
        assertThat(result.worker()).isEqualTo("test-worker");
        assertThat(result.attempt()).isEqualTo(1);
        assertThat(received.event().getType()).isEqualTo(TaskResultMessage.TYPE);
        assertThat(received.event().getSubject()).isEqualTo(task.jobId().toString());
        assertThat(received.event().getSource()).hasToString(Channels.WORKER_SOURCE_PREFIX + "test-worker");
        assertThat(broker.ready(Channels.RESULTS_QUEUE)).as("results beyond the first").isZero();
        assertThat(broker.ready(Channels.TASKS_QUEUE)).as("tasks left after the worker closed").isZero();
    }

    @Test
    void malformedMessagesAreDeadLetteredAndTheWorkerGoesOnWithTheNextTask() throws Exception {
        startWorker(1);
        broker.publishRawTask(new AMQP.BasicProperties.Builder().messageId("not-a-cloudevent").build(),
                "hello".getBytes(UTF_8));
        TaskMessage valid = TestBroker.task("test-sum", Map.of("from", 1, "to", 3));
        broker.publishRawTask(taskEventProperties("bad-json", valid), "{\"jobId\": \"not js".getBytes(UTF_8));
        broker.publishTask(valid);

        assertThat(broker.awaitResult().result().result()).containsEntry("sum", 6);
        GetResponse first = broker.awaitMessage(Channels.TASKS_DEAD_LETTER_QUEUE, true);
        GetResponse second = broker.awaitMessage(Channels.TASKS_DEAD_LETTER_QUEUE, true);
        assertThat(List.of(first.getProps().getMessageId(), second.getProps().getMessageId()))
                .containsExactlyInAnyOrder("not-a-cloudevent", "bad-json");
    }

    @Test
    void aTaskOfAnUnknownJobTypeIsDeadLettered() throws Exception {
        startWorker(1);
        TaskMessage task = TestBroker.task("no-such-type", Map.of());

        broker.publishTask(task);

        GetResponse dead = broker.awaitMessage(Channels.TASKS_DEAD_LETTER_QUEUE, true);
        assertThat(dead.getProps().getHeaders().get("cloudEvents:subject")).hasToString(task.jobId().toString());
        worker.close();
        assertThat(broker.ready(Channels.RESULTS_QUEUE)).isZero();
    }

    @Test
    void aComputationThatThrowsATaskFailedExceptionGivesAFailedResultWithItsMessageOnOneLine() throws Exception {
        startWorker(1);
        TaskMessage task = TestBroker.task("test-boom", Map.of("reason", "the disk\nis full", "permanent", true));

        broker.publishTask(task);
        TaskResultMessage result = broker.awaitResult().result();

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.error()).isEqualTo("the disk is full");
        assertThat(result.result()).isEmpty();
        assertThat(result.jobId()).isEqualTo(task.jobId());
    }

    @Test
    void aTaskOfACancelledJobIsAcknowledgedWithoutAResult() throws Exception {
        startWorker(1);
        TaskMessage cancelled = TestBroker.task("test-sum", Map.of("from", 1, "to", 2));
        TaskMessage next = TestBroker.task("test-sum", Map.of("from", 1, "to", 4));

        broker.publishCancellation(cancelled.jobId());
        awaitCancelled(cancelled);
        broker.publishTask(cancelled);
        broker.publishTask(next);
        TaskResultMessage result = broker.awaitResult().result();
        worker.close();

        assertThat(result.jobId()).isEqualTo(next.jobId());
        assertThat(broker.ready(Channels.RESULTS_QUEUE)).isZero();
        assertThat(broker.ready(Channels.TASKS_QUEUE)).isZero();
        assertThat(broker.ready(Channels.TASKS_DEAD_LETTER_QUEUE)).isZero();
    }

    @Test
    void aRedeliveredTaskReportsItsAttemptFromTheDeliveryCount() throws Exception {
        TaskMessage task = TestBroker.task("test-sum", Map.of("from", 5, "to", 5));
        broker.publishTask(task);
        broker.requeue(broker.awaitMessage(Channels.TASKS_QUEUE, false));

        startWorker(1);
        TaskResultMessage result = broker.awaitResult().result();

        assertThat(result.attempt()).isEqualTo(2);
        assertThat(result.result()).containsEntry("sum", 5);
    }

    @Test
    void aTaskWhoseResultTheBrokerRefusesIsNeverAcknowledgedAndEndsUpDeadLettered() throws Exception {
        startWorker(1);
        broker.unbindResults();
        try {
            TaskMessage task = TestBroker.task("test-sum", Map.of("from", 1, "to", 2));

            broker.publishTask(task);

            GetResponse dead = broker.awaitMessage(Channels.TASKS_DEAD_LETTER_QUEUE, true);
            assertThat(dead.getProps().getHeaders().get("cloudEvents:subject")).hasToString(task.jobId().toString());
            assertThat(broker.ready(Channels.RESULTS_QUEUE)).isZero();
        } finally {
            broker.declareTopology();
        }
    }

    private void startWorker(int concurrency) throws Exception {
        worker = new Worker(new WorkerConfig(broker.uri(), concurrency, "test-worker", Duration.ofSeconds(10)),
                JobTypes.load());
        worker.start();
    }

    private void awaitCancelled(TaskMessage task) throws InterruptedException {
        for (int i = 0; i < 400 && !worker.isCancelled(task.jobId()); i++) {
            Thread.sleep(50);
        }
        assertThat(worker.isCancelled(task.jobId())).as("cancellation received").isTrue();
    }

    private static AMQP.BasicProperties taskEventProperties(String id, TaskMessage task) {
        return new AMQP.BasicProperties.Builder()
                .messageId(id)
                .contentType(ScatterEvents.JSON)
                .headers(Map.of("cloudEvents:specversion", "1.0", "cloudEvents:id", id,
                        "cloudEvents:source", Channels.API_SOURCE, "cloudEvents:type", TaskMessage.TYPE,
                        "cloudEvents:subject", task.jobId().toString()))
                .build();
    }
}
