package io.scatter.core.jobtype;

/**
 * Thrown by {@link JobType#compute} when a task's payload is not one the type computes — a field missing, of the
 * wrong kind or out of range — so the message could not have come from the type's own {@link JobType#split}: a worker
 * dead-letters it at once with this message, never retries it.
 */
public class InvalidTaskException extends IllegalArgumentException {

    public InvalidTaskException(String message) {
        super(message);
    }
}
