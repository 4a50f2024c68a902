package io.scatter.core.jobtype;

/**
 * Thrown by a long {@link JobType#compute} that noticed its thread was interrupted — its job was cancelled, or the task
 * outran its {@linkplain JobType#taskDeadline() deadline} — so that it stops at once instead of finishing work nobody
 * waits for. Throw it through {@link #check()} in a kernel's loop:
 *
 * <pre>{@code
 * for (long n = from; n <= to; n++) {
 *     if ((n & 0xFFFF) == 0) {
 *         TaskInterruptedException.check();
 *     }
 *     ...
 * }
 * }</pre>
 */
public final class TaskInterruptedException extends RuntimeException {

    public TaskInterruptedException() {
        super("the task was interrupted");
    }

    /**
     * Throws when the current thread was interrupted, leaving its interrupt flag set; cheap enough to call every few
     * microseconds of work.
     */
    public static void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new TaskInterruptedException();
        }
    }
}
