package io.scatter.engine.worker;

import io.scatter.contracts.TaskMessage;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/** Several observers' observations of one delivery, told everything in order; contexts nest, the first outermost. */
final class AllObservations implements TaskObserver.Observation {

    private final List<TaskObserver.Observation> observations;

    AllObservations(List<TaskObserver.Observation> observations) {
        this.observations = observations;
    }

    @Override
    public <T> T inContext(Supplier<T> work) {
        Supplier<T> nested = work;
        for (int i = observations.size() - 1; i >= 0; i--) {
            TaskObserver.Observation observation = observations.get(i);
            Supplier<T> inner = nested;
            nested = () -> observation.inContext(inner);
        }
        return nested.get();
    }

    @Override
    public void computed(TaskMessage task, Instant startedAt, Instant endedAt, Throwable failure, boolean timedOut) {
        observations.forEach(observation -> observation.computed(task, startedAt, endedAt, failure, timedOut));
    }

    @Override
    public void settled(TaskObserver.Settlement settlement, String reason) {
        observations.forEach(observation -> observation.settled(settlement, reason));
    }
}
