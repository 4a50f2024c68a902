package io.scatter.core.jobtype;

/**
 * Thrown by {@link JobType#compute} when a task's payload cannot be computed — a division by zero, a result too
 * large — so that running it again would fail the same way. The task fails with this message, shown to the user as
 * it is (no exception class name), and so does its job.
 */
public class TaskFailedException extends RuntimeException {

    public TaskFailedException(String message) {
        super(message);
    }

    public TaskFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
