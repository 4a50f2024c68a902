package io.scatter.engine.worker;

import io.scatter.contracts.TaskMessage;
import io.scatter.engine.transport.TaskDelivery;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Watches the tasks a {@link TaskRunner} handles, for traces, metrics and logs, without the engine knowing any of
 * those libraries. The runner asks for one {@link Observation} per delivery and reports to it what became of the
 * task; observers must not throw and must return quickly (they run on the runner's threads).
 *
 * <pre>{@code
 * TaskObserver counting = delivery -> new TaskObserver.Observation() {
 *     public void settled(TaskObserver.Settlement settlement, String reason) {
 *         counts.merge(settlement, 1, Integer::sum);
 *     }
 * };
 * new TaskRunner(transport, types, "w-1", 4, 4, clock, RetryBackoff.DEFAULT, counting);
 * }</pre>
 */
@FunctionalInterface
public interface TaskObserver {

    /** Observes nothing. */
    TaskObserver NONE = delivery -> Observation.NONE;

    /** How the runner settled a delivery. */
    enum Settlement {
        /** Its result (SUCCEEDED) was confirmed and the task acked. */
        SUCCEEDED,
        /** Its result (FAILED, by the job type's verdict) was confirmed and the task acked. */
        FAILED,
        /** An attempt failed in a way another may cure; the task went back to the queue, counted. */
        RETRIED,
        /** Dead-lettered: an unknown type, or a failed last attempt. */
        DEAD_LETTERED,
        /** Back to the queue uncounted or as a return: interrupted, or its result could not be published. */
        RETURNED,
        /** Acked without a result: its job was cancelled. */
        SKIPPED,
        /** Put back for another worker before it started (this one runs a task alone). */
        DEFERRED
    }

    /** One delivery's observation, from the runner taking it to its settlement. */
    Observation taskReceived(TaskDelivery delivery);

    /** Observes each delivery with every one of {@code observers}, in order. */
    static TaskObserver all(List<TaskObserver> observers) {
        List<TaskObserver> copy = List.copyOf(observers);
        if (copy.isEmpty()) {
            return NONE;
        }
        if (copy.size() == 1) {
            return copy.get(0);
        }
        return delivery -> {
            List<Observation> each = copy.stream().map(observer -> observer.taskReceived(delivery)).toList();
            return new AllObservations(each);
        };
    }

    /** What one delivery went through; every method has a do-nothing default. */
    interface Observation {

        /** Observes nothing. */
        Observation NONE = new Observation() {
        };

        /**
         * Runs {@code work} with this delivery's context current on the calling thread (a trace's span, the log's
         * job and task fields); the runner handles the delivery, publishes its result and settles it inside it.
         */
        default <T> T inContext(Supplier<T> work) {
            return work.get();
        }

        /**
         * The task's computation ran from {@code startedAt} to {@code endedAt}; {@code failure} is null if it
         * succeeded or outran its deadline ({@code timedOut}).
         */
        default void computed(TaskMessage task, Instant startedAt, Instant endedAt, Throwable failure,
                              boolean timedOut) {
        }

        /** The runner settled the delivery; {@code reason} is the one-line failure for FAILED, RETRIED and DEAD_LETTERED. */
        default void settled(Settlement settlement, String reason) {
        }
    }
}
