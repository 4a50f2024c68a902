package io.scatter.contracts;

import io.scatter.contracts.WorkerHeartbeatMessage.InFlightTask;
import io.scatter.contracts.WorkerHeartbeatMessage.State;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkerHeartbeatMessageTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void aHeartbeatCopiesItsInFlightTasksSoLaterChangesDoNotLeakIn() {
        List<InFlightTask> inFlight = new ArrayList<>(List.of(new InFlightTask(UUID.randomUUID(), 0, NOW)));
        WorkerHeartbeatMessage heartbeat = heartbeat(3, 1, inFlight);
        inFlight.clear();

        assertThat(heartbeat.inFlight()).hasSize(1);
        assertThat(heartbeat(0, 0, null).inFlight()).isEmpty();
    }

    @Test
    void negativeCountersAreRefused() {
        assertThatThrownBy(() -> heartbeat(-1, 0, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> heartbeat(0, -1, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aConcurrencyBelowOneIsRefused() {
        assertThatThrownBy(() -> new WorkerHeartbeatMessage("w", "h", 1, 0, 0, 0, List.of(), NOW, NOW, State.RUNNING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("concurrency");
    }

    private static WorkerHeartbeatMessage heartbeat(long done, long failed, List<InFlightTask> inFlight) {
        return new WorkerHeartbeatMessage("pi-node-1", "raspberrypi", 4242, 4, done, failed, inFlight, NOW, NOW,
                State.RUNNING);
    }
}
