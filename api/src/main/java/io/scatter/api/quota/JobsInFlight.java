package io.scatter.api.quota;

import io.scatter.api.auth.Caller;

/**
 * Counts a caller's unfinished (QUEUED or RUNNING) jobs for the jobs-in-flight quota: the one place that knows which
 * jobs are a caller's, so that giving jobs an owner changes only its implementation.
 */
public interface JobsInFlight {

    /**
     * Within the current transaction, makes the caller's other submissions wait until it ends, then counts the
     * caller's unfinished jobs, stopping at {@code atMost}: a job inserted before the commit is then seen by the next
     * submission of the same caller.
     *
     * @throws IllegalStateException outside a transaction, where the count could not hold until the insert
     */
    long lockAndCount(Caller caller, long atMost);
}
