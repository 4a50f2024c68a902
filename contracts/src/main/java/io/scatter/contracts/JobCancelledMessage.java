package io.scatter.contracts;

import java.util.Objects;
import java.util.UUID;

/**
 * Broadcast from the API to every worker when a job is cancelled, so that its queued tasks are skipped.
 *
 * @param jobId the cancelled job (also the CloudEvent {@code subject})
 */
public record JobCancelledMessage(UUID jobId) {

    /** CloudEvent type of this message. */
    public static final String TYPE = "scatter.job-cancelled.v1";
    /** Fan-out exchange every worker binds a private queue to. */
    public static final String EXCHANGE = Channels.CONTROL_EXCHANGE;
    /** Routing key (ignored by the fan-out exchange). */
    public static final String ROUTING_KEY = "";

    public JobCancelledMessage {
        Objects.requireNonNull(jobId, "jobId");
    }
}
