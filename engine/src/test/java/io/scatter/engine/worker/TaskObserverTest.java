package io.scatter.engine.worker;

import io.scatter.contracts.TaskMessage;
import io.scatter.core.jobtype.JobTypes;
import io.scatter.engine.memory.InMemoryTaskTransport;
import io.scatter.engine.testing.BoomJobType;
import io.scatter.engine.testing.SumJobType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import static io.scatter.engine.testing.TaskMessageBuilder.aTask;
import static org.assertj.core.api.Assertions.assertThat;

class TaskObserverTest {

    private static final RetryBackoff QUICK = new RetryBackoff(Duration.ofMillis(1), Duration.ofMillis(2));

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final InMemoryTaskTransport transport = new InMemoryTaskTransport();
    private final TaskRunner runner = new TaskRunner(transport, JobTypes.of(new SumJobType(), new BoomJobType()),
            "w-1", 1, 1, Clock.systemUTC(), QUICK, TaskObserver.all(List.of(recording("a"), recording("b"))));

    @AfterEach
    void close() {
        runner.close();
        transport.close();
    }

    @Test
    void aComputedTaskIsObservedInContextFromItsComputationToItsSettlement() {
        runner.handle(FakeTaskDelivery.of(aTask().type(SumJobType.NAME).payload(Map.of("value", 3L)).build()));

        assertThat(events).containsExactly(
                "a received", "b received",
                "a enter", "b enter",
                "a computed ok", "b computed ok",
                "a enter", "b enter",
                "a SUCCEEDED null", "b SUCCEEDED null",
                "b exit", "a exit",
                "b exit", "a exit");
    }

    @Test
    void aFailedAttemptIsObservedWithItsFailureAndSettledAsRetriedWithTheReason() {
        TaskMessage boom = aTask().type(BoomJobType.NAME).payload(Map.of("index", 0L, "fails", true)).build();

        runner.handle(FakeTaskDelivery.attempt(boom, 1, 5));

        assertThat(events).contains("a computed IllegalStateException",
                "a RETRIED IllegalStateException: boom in task 0");
    }

    @Test
    void aFailureOnTheLastAttemptIsObservedAsDeadLettered() {
        TaskMessage boom = aTask().type(BoomJobType.NAME).payload(Map.of("index", 0L, "fails", true)).build();

        runner.handle(FakeTaskDelivery.attempt(boom, 5, 5));

        assertThat(events).contains("a DEAD_LETTERED IllegalStateException: boom in task 0");
    }

    @Test
    void aTaskOfAnUnknownTypeIsObservedAsDeadLetteredWithoutAComputation() {
        runner.handle(FakeTaskDelivery.of(aTask().type("no-such-type").build()));

        assertThat(events).noneMatch(event -> event.contains("computed"));
        assertThat(events).anyMatch(event -> event.startsWith("b DEAD_LETTERED") && event.contains("no-such-type"));
    }

    private TaskObserver recording(String name) {
        return delivery -> {
            events.add(name + " received");
            return new TaskObserver.Observation() {
                @Override
                public <T> T inContext(Supplier<T> work) {
                    events.add(name + " enter");
                    try {
                        return work.get();
                    } finally {
                        events.add(name + " exit");
                    }
                }

                @Override
                public void computed(TaskMessage task, Instant startedAt, Instant endedAt, Throwable failure,
                                     boolean timedOut) {
                    events.add(name + " computed " + (failure == null ? "ok" : failure.getClass().getSimpleName()));
                }

                @Override
                public void settled(TaskObserver.Settlement settlement, String reason) {
                    events.add(name + " " + settlement + " " + reason);
                }
            };
        };
    }
}
