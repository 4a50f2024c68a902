package io.scatter.api.deadletter;

/** Where a stored dead letter is: DEAD until a retry puts its task back on the queue, then RETRIED for good. */
public enum DeadLetterStatus {
    DEAD, RETRIED
}
