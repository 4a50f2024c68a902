package io.scatter.core.job;

/** Thrown when a verb asks a job to move between two statuses that the state machine does not connect. */
public final class IllegalJobTransitionException extends RuntimeException {

    private final JobStatus from;
    private final JobStatus to;

    public IllegalJobTransitionException(JobStatus from, JobStatus to) {
        super("a job cannot move from " + from + " to " + to);
        this.from = from;
        this.to = to;
    }

    public JobStatus from() {
        return from;
    }

    public JobStatus to() {
        return to;
    }
}
