package io.scatter.engine.result;

/** What applying one result message did. Every outcome but a store failure is final: the message is acked. */
public enum ResultOutcome {

    /** The result counted: its task left QUEUED and the job took it in. */
    APPLIED,

    /** The message id was seen before (a redelivered message); nothing changed. */
    DUPLICATE_MESSAGE,

    /** The task had already finished or was cancelled (a task computed twice, or a job that ended); nothing changed. */
    TASK_ALREADY_FINISHED,

    /** No job has the result's job id; the result is dropped. */
    UNKNOWN_JOB,

    /** The job exists but has no task with the result's index; the result is dropped. */
    UNKNOWN_TASK,

    /** The result names another job type than its job's; the result is dropped. */
    WRONG_TYPE
}
