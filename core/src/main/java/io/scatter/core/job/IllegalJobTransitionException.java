package io.scatter.core.job;

/** Thrown when a verb asks a job to move between two statuses that the state machine does not connect. */
public final class IllegalJobTransitionException extends RuntimeException {

    private final JobStatus from;
    private final JobStatus to;

    public IllegalJobTransitionException(JobStatus from, JobStatus to) {
        this(from, to, "a job cannot move from " + from + " to " + to);
    }

    /** A refused move, with a message saying why in the words of the verb that asked for it. */
    public IllegalJobTransitionException(JobStatus from, JobStatus to, String message) {
        super(message);
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
