package io.scatter.api.deadletter;

import io.scatter.messaging.transport.DeadLetterMessage;

/** Stores one dead letter (and fails its job); returns only once that is committed. */
interface DeadLetterHandler {

    /** What storing a dead letter did. */
    enum Stored {
        /** Stored, and its FAILED result failed its job. */
        FAILED_THE_JOB,
        /** Stored; its FAILED result changed nothing (the job had ended, the task was done, or no such job). */
        STORED,
        /** Stored without a job: the message is not a readable task. */
        NOT_A_TASK,
        /** A dead letter with its message id was stored before (a redelivery); nothing changed. */
        DUPLICATE
    }

    /** Stores {@code message} and applies its FAILED result, in one transaction. */
    Stored handle(DeadLetterMessage message);

    /**
     * Stores {@code message} without applying anything, for a dead letter whose result cannot be applied (a failure
     * retrying cannot fix); its job is left as it is.
     */
    Stored storeOnly(DeadLetterMessage message);
}
