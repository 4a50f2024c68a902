package io.scatter.worker;

import com.rabbitmq.client.GetResponse;
import io.scatter.contracts.Channels;
import io.scatter.contracts.TaskMessage;
import io.scatter.contracts.TaskResultMessage;
import io.scatter.core.jobtype.JobTypes;
import io.scatter.messaging.AmqpMessage;
import io.scatter.messaging.transport.RabbitTaskTransport;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated hostile task messages against a real worker on a virtual host of its own: each batch is followed by a
 * valid task. Every hostile message must reach the dead-letter queue on its first delivery with a reason, none may
 * give a result, and the valid task must still be computed. Tries: {@code jqwik.tries.default} (150; e.g.
 * {@code -Djqwik.tries.default=1500} for a longer run).
 */
class HostileTaskFuzzTest {

    private static TestBroker broker;
    private static Worker worker;
    private static final AtomicLong published = new AtomicLong();

    @BeforeContainer
    static void startWorker() throws Exception {
        broker = TestBroker.inNewVhost();
        worker = new Worker(new WorkerConfig(broker.uri(), 1, "fuzz-worker", Duration.ofSeconds(5)),
                JobTypes.load());
        worker.start();
    }

    @AfterContainer
    static void stopWorker() {
        if (worker != null) {
            worker.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Property(seed = "20261126", shrinking = ShrinkingMode.OFF)
    void everyHostileTaskIsDeadLetteredOnceWithAReasonAndTheWorkerStillComputesAValidOne(
            @ForAll("batches") List<HostileTasks.Hostile> batch) throws Exception {
        Map<String, HostileTasks.Hostile> sent = new LinkedHashMap<>();
        for (HostileTasks.Hostile hostile : batch) {
            String id = "fuzz-" + published.incrementAndGet();
            sent.put(id, hostile.withMessageId(id));
        }
        broker.publishRawTasksConfirmed(sent.values().stream()
                .map(hostile -> new AmqpMessage(hostile.properties(), hostile.body())).toList());
        long to = published.get();
        TaskMessage valid = TestBroker.task("test-sum", Map.of("from", 1, "to", to));
        broker.publishTask(valid);

        TaskResultMessage result = broker.awaitResult().result();
        assertThat(result.jobId()).as("the first result is the valid task's, not one of %s", sent.values())
                .isEqualTo(valid.jobId());
        assertThat(result.result()).containsEntry("sum", (int) (to * (to + 1) / 2));
        for (int expected = sent.size(); expected > 0; expected--) {
            GetResponse dead = broker.awaitMessage(Channels.TASKS_DEAD_LETTER_QUEUE, true);
            HostileTasks.Hostile hostile = sent.remove(dead.getProps().getMessageId());
            assertThat(hostile).as("dead letter %s (%s) is one of this batch", dead.getProps().getMessageId(),
                    dead.getProps().getHeaders()).isNotNull();
            Map<String, Object> headers = dead.getProps().getHeaders();
            assertThat(String.valueOf(headers.get(RabbitTaskTransport.REASON_HEADER)))
                    .as("the reason of %s", hostile).isNotBlank().isNotEqualTo("null");
            assertThat(headers.get(RabbitTaskTransport.ATTEMPTS_HEADER)).as("the attempts of %s", hostile)
                    .isEqualTo(1);
        }
        assertThat(broker.ready(Channels.RESULTS_QUEUE)).as("results for hostile messages").isZero();
        assertThat(broker.ready(Channels.TASKS_QUEUE)).as("tasks left on the queue").isZero();
    }

    @Provide
    Arbitrary<List<HostileTasks.Hostile>> batches() {
        return HostileTasks.any().list().ofMinSize(1).ofMaxSize(20);
    }
}
