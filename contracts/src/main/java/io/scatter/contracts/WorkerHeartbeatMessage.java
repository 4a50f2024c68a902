package io.scatter.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A worker's periodic sign of life, broadcast to every listener (each API replica), with what it is doing.
 *
 * @param worker      the worker's name (also the CloudEvent {@code subject})
 * @param host        the host name of the machine it runs on
 * @param pid         its process id
 * @param concurrency how many tasks it computes at once at most
 * @param tasksDone   tasks it computed and published a result for since it started, whatever their outcome
 * @param tasksFailed how many of {@code tasksDone} ended FAILED
 * @param inFlight    the tasks it holds right now, oldest first
 * @param startedAt   when the worker started
 * @param sentAt      when this heartbeat was sent (also the CloudEvent {@code time})
 * @param state       RUNNING, or STOPPING once it takes no new tasks and is about to go away
 */
public record WorkerHeartbeatMessage(String worker, String host, long pid, int concurrency, long tasksDone,
                                     long tasksFailed, List<InFlightTask> inFlight, Instant startedAt, Instant sentAt,
                                     State state) {

    /** CloudEvent type of this message. */
    public static final String TYPE = "scatter.worker-heartbeat.v1";
    /** Fan-out exchange the workers publish heartbeats to. */
    public static final String EXCHANGE = Channels.HEARTBEATS_EXCHANGE;
    /** Routing key (ignored by the fan-out exchange). */
    public static final String ROUTING_KEY = "";

    /** What the worker is up to. */
    public enum State {
        /** Taking and computing tasks. */
        RUNNING,
        /** Shutting down: no new tasks; those in flight finish within its grace or return to the queue. */
        STOPPING
    }

    /**
     * A task the worker is computing.
     *
     * @param jobId     the job it belongs to
     * @param taskIndex its 0-based position within the job
     * @param startedAt when the worker took it
     */
    public record InFlightTask(UUID jobId, int taskIndex, Instant startedAt) {

        public InFlightTask {
            Objects.requireNonNull(jobId, "jobId");
            Objects.requireNonNull(startedAt, "startedAt");
            if (taskIndex < 0) {
                throw new IllegalArgumentException("taskIndex must not be negative, got " + taskIndex);
            }
        }
    }

    public WorkerHeartbeatMessage {
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(state, "state");
        inFlight = inFlight == null ? List.of() : List.copyOf(inFlight);
        if (worker.isBlank()) {
            throw new IllegalArgumentException("worker is blank");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
        if (tasksDone < 0 || tasksFailed < 0) {
            throw new IllegalArgumentException("tasksDone and tasksFailed must not be negative, got " + tasksDone
                    + " and " + tasksFailed);
        }
    }
}
