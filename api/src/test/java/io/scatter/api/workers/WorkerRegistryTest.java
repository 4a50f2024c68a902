package io.scatter.api.workers;

import io.scatter.api.testing.AdjustableClock;
import io.scatter.contracts.WorkerHeartbeatMessage;
import io.scatter.contracts.WorkerHeartbeatMessage.InFlightTask;
import io.scatter.contracts.WorkerHeartbeatMessage.State;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class WorkerRegistryTest {

    private static final Instant START = Instant.parse("2026-11-25T12:00:00Z");

    private final AdjustableClock clock = AdjustableClock.fixedAt(START);
    private final WorkerRegistry registry = new WorkerRegistry(clock,
            new WorkersProperties(Duration.ofSeconds(15), Duration.ofMinutes(10), Duration.ofMinutes(1),
                    Duration.ofSeconds(5)));

    @Test
    void aWorkerIsListedFromItsLastHeartbeatAsAliveLastSeenWhenTheHeartbeatArrived() {
        UUID job = UUID.randomUUID();
        registry.heard(heartbeat("pi-1", 7, 1, State.RUNNING, START.minusSeconds(3),
                List.of(new InFlightTask(job, 4, START.minusSeconds(1)))));

        assertThat(registry.list()).containsExactly(new WorkerDocument("pi-1", "host-pi-1", 42, WorkerStatus.ALIVE,
                4, 7, 1, List.of(new WorkerDocument.CurrentTask(job, 4, START.minusSeconds(1))),
                START.minusSeconds(60), START));
    }

    @Test
    void aWorkerSilentForLongerThanLostAfterIsLostUntilItIsHeardAgain() {
        registry.heard(heartbeat("pi-1", 0, 0, State.RUNNING, START, List.of()));

        clock.advance(Duration.ofSeconds(15));
        assertThat(registry.list()).extracting(WorkerDocument::status).containsExactly(WorkerStatus.ALIVE);
        clock.advance(Duration.ofMillis(1));
        assertThat(registry.list()).extracting(WorkerDocument::status).containsExactly(WorkerStatus.LOST);

        registry.heard(heartbeat("pi-1", 0, 0, State.RUNNING, clock.instant(), List.of()));
        assertThat(registry.list()).extracting(WorkerDocument::status).containsExactly(WorkerStatus.ALIVE);
    }

    @Test
    void aWorkerThatSaysItIsStoppingIsStoppingThenLostWhenSilent() {
        registry.heard(heartbeat("pi-1", 3, 0, State.STOPPING, START, List.of()));

        assertThat(registry.list()).extracting(WorkerDocument::status).containsExactly(WorkerStatus.STOPPING);
        clock.advance(Duration.ofSeconds(16));
        assertThat(registry.list()).extracting(WorkerDocument::status).containsExactly(WorkerStatus.LOST);
    }

    @Test
    void aWorkerSilentForLongerThanForgetAfterIsNoLongerListedAndTheSweepRemovesIt() {
        registry.heard(heartbeat("old", 0, 0, State.RUNNING, START, List.of()));
        clock.advance(Duration.ofMinutes(5));
        registry.heard(heartbeat("recent", 0, 0, State.RUNNING, clock.instant(), List.of()));

        clock.advance(Duration.ofMinutes(5));
        assertThat(registry.forgetSilent()).isZero();
        assertThat(registry.list()).extracting(WorkerDocument::name).containsExactly("old", "recent");

        clock.advance(Duration.ofMillis(1));
        assertThat(registry.list()).extracting(WorkerDocument::name).containsExactly("recent");
        assertThat(registry.forgetSilent()).isEqualTo(1);
        assertThat(registry.forgetSilent()).isZero();
    }

    @Test
    void workersAreListedByName() {
        for (String name : List.of("pi-3", "head", "pi-1", "pi-10")) {
            registry.heard(heartbeat(name, 0, 0, State.RUNNING, START, List.of()));
        }

        assertThat(registry.list()).extracting(WorkerDocument::name).containsExactly("head", "pi-1", "pi-10", "pi-3");
    }

    @Test
    void anOlderHeartbeatOfTheSameProcessArrivingLateIsIgnoredButARestartedWorkerReplacesItsPredecessor() {
        registry.heard(heartbeat("pi-1", 9, 0, State.RUNNING, START, List.of()));
        registry.heard(heartbeat("pi-1", 8, 0, State.RUNNING, START.minusSeconds(5), List.of()));
        assertThat(registry.list()).extracting(WorkerDocument::tasksDone).containsExactly(9L);

        WorkerHeartbeatMessage restarted = new WorkerHeartbeatMessage("pi-1", "host-pi-1", 43, 4, 0, 0, List.of(),
                START.minusSeconds(1), START.minusSeconds(1), State.RUNNING);
        registry.heard(restarted);
        assertThat(registry.list()).extracting(WorkerDocument::pid, WorkerDocument::tasksDone)
                .containsExactly(tuple(43L, 0L));
    }

    @Test
    void aLostWorkerThatHeldTasksIsReportedByJobUntilItsTasksAreRecovered() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        registry.heard(heartbeat("pi-1", 0, 0, State.RUNNING, START, List.of(new InFlightTask(first, 4, START),
                new InFlightTask(second, 0, START), new InFlightTask(first, 2, START))));
        registry.heard(heartbeat("pi-2", 0, 0, State.RUNNING, START, List.of()));
        assertThat(registry.lostHoldingTasks()).isEmpty();

        clock.advance(Duration.ofSeconds(16));
        List<WorkerRegistry.LostWorker> lost = registry.lostHoldingTasks();

        assertThat(lost).containsExactly(new WorkerRegistry.LostWorker("pi-1", START,
                new TreeMap<>(Map.of(first, List.of(4, 2), second, List.of(0)))));
        registry.recovered(lost.get(0));
        assertThat(registry.lostHoldingTasks()).isEmpty();
    }

    @Test
    void aLostWorkerHeardFromAgainBeforeItsTasksWereRecoveredIsNoLongerLost() {
        registry.heard(heartbeat("pi-1", 0, 0, State.RUNNING, START, List.of(
                new InFlightTask(UUID.randomUUID(), 1, START))));
        clock.advance(Duration.ofSeconds(16));
        WorkerRegistry.LostWorker lost = registry.lostHoldingTasks().get(0);

        registry.heard(heartbeat("pi-1", 0, 0, State.RUNNING, clock.instant(), List.of(
                new InFlightTask(UUID.randomUUID(), 1, START))));
        registry.recovered(lost);
        clock.advance(Duration.ofSeconds(16));

        assertThat(registry.lostHoldingTasks()).hasSize(1);
    }

    @Test
    void theLiveSlotsAreTheConcurrencyOfTheAliveWorkersOnly() {
        registry.heard(heartbeat("pi-1", 0, 0, State.RUNNING, START, List.of()));
        registry.heard(heartbeat("pi-2", 0, 0, State.STOPPING, START, List.of()));
        clock.advance(Duration.ofSeconds(10));
        registry.heard(heartbeat("pi-3", 0, 0, State.RUNNING, clock.instant(), List.of()));
        assertThat(registry.liveSlots()).isEqualTo(8);

        clock.advance(Duration.ofSeconds(6));

        assertThat(registry.liveSlots()).as("pi-1 is lost now").isEqualTo(4);
    }

    @Test
    void forgetAfterShorterThanLostAfterIsRefused() {
        assertThatThrownBy(() -> new WorkersProperties(Duration.ofSeconds(15), Duration.ofSeconds(10),
                Duration.ofMinutes(1), Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scatter.workers.forget-after");
    }

    private static WorkerHeartbeatMessage heartbeat(String name, long done, long failed, State state, Instant sentAt,
                                                    List<InFlightTask> inFlight) {
        return new WorkerHeartbeatMessage(name, "host-" + name, 42, 4, done, failed, inFlight,
                START.minusSeconds(60), sentAt, state);
    }
}
