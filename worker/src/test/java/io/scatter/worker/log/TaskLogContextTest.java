package io.scatter.worker.log;

import io.scatter.contracts.TaskMessage;
import io.scatter.engine.transport.TaskDelivery;
import io.scatter.engine.worker.TaskObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.scatter.engine.testing.TaskDeliveryBuilder.aDeliveryOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskLogContextTest {

    private static final UUID JOB = UUID.fromString("5b0c1d2e-0a4f-4c3b-9f61-2d7e8a9b0c1d");

    private final TaskLogContext context = new TaskLogContext("pi-1");

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void theJobTaskAndWorkerAreInTheMdcWhileTheDeliveryIsHandled() {
        Map<String, String> seen = context.taskReceived(delivery(7)).inContext(MDC::getCopyOfContextMap);

        assertThat(seen).containsEntry("job_id", JOB.toString()).containsEntry("task_index", "7")
                .containsEntry("worker", "pi-1");
    }

    @Test
    void theMdcIsEmptyAgainAfterwardsWhenItWasEmptyBefore() {
        context.taskReceived(delivery(7)).inContext(() -> "done");

        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    @Test
    void theValuesOfAnEnclosingContextAndOtherKeysComeBackAfterwards() {
        MDC.put("job_id", "outer-job");
        MDC.put("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736");
        Map<String, String> before = new HashMap<>(MDC.getCopyOfContextMap());

        context.taskReceived(delivery(2)).inContext(() -> MDC.get("trace_id"));

        assertThat(MDC.getCopyOfContextMap()).isEqualTo(before);
    }

    @Test
    void theMdcIsRestoredWhenTheHandlingThrows() {
        TaskObserver.Observation observation = context.taskReceived(delivery(1));

        assertThatThrownBy(() -> observation.inContext(() -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    @Test
    void theSettlementOnAnotherThreadGetsTheSameFields() throws Exception {
        TaskObserver.Observation observation = context.taskReceived(delivery(4));
        Map<String, String> seen = new HashMap<>();

        Thread settling = new Thread(() -> seen.putAll(observation.inContext(MDC::getCopyOfContextMap)));
        settling.start();
        settling.join();

        assertThat(seen).containsEntry("job_id", JOB.toString()).containsEntry("task_index", "4");
    }

    private static TaskDelivery delivery(int index) {
        return aDeliveryOf(new TaskMessage(JOB, index, 8, "prime-count", Map.of("from", 0, "to", 10))).build();
    }
}
