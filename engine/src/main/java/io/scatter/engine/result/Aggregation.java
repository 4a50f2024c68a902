package io.scatter.engine.result;

import io.scatter.core.job.JobStatus;
import io.scatter.engine.store.StoredJob;

import java.util.Objects;

/**
 * What applying one result message did, and the job as that transaction left it.
 *
 * @param job the result's job after the transaction, or null when the outcome is {@link ResultOutcome#UNKNOWN_JOB}
 */
public record Aggregation(ResultOutcome outcome, StoredJob job) {

    public Aggregation {
        Objects.requireNonNull(outcome, "outcome");
    }

    /** Whether this result failed its job, so that the job's other tasks should be withdrawn from the workers. */
    public boolean failedTheJob() {
        return outcome == ResultOutcome.APPLIED && job != null && job.status() == JobStatus.FAILED;
    }

    /** Whether this result ended its job (SUCCEEDED or FAILED). */
    public boolean endedTheJob() {
        return outcome == ResultOutcome.APPLIED && job != null && job.status().isFinal();
    }
}
