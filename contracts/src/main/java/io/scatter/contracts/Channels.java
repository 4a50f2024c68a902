package io.scatter.contracts;

/** Names of the exchanges and queues that publishers and consumers agree on. */
public final class Channels {

    /** Direct exchange for tasks; bound to {@link #TASKS_QUEUE} with that queue's name as key. */
    public static final String TASKS_EXCHANGE = "scatter.tasks";
    /** Durable quorum queue the workers consume tasks from. */
    public static final String TASKS_QUEUE = "scatter.tasks";
    /** Direct exchange for task results; bound to {@link #RESULTS_QUEUE} with that queue's name as key. */
    public static final String RESULTS_EXCHANGE = "scatter.results";
    /** Durable quorum queue the API consumes results from. */
    public static final String RESULTS_QUEUE = "scatter.results";
    /** Fan-out exchange for control broadcasts such as job cancellation. */
    public static final String CONTROL_EXCHANGE = "scatter.control";
    /** Fan-out exchange for worker heartbeats; every listener binds a private queue of its own to it. */
    public static final String HEARTBEATS_EXCHANGE = "scatter.heartbeats";
    /** Direct exchange that receives messages rejected or past their delivery limit. */
    public static final String DEAD_LETTER_EXCHANGE = "scatter.dead-letter";
    /** Where dead tasks end up (routing key on the dead-letter exchange is the same name). */
    public static final String TASKS_DEAD_LETTER_QUEUE = "scatter.tasks.dead-letter";
    /** Where dead results end up (routing key on the dead-letter exchange is the same name). */
    public static final String RESULTS_DEAD_LETTER_QUEUE = "scatter.results.dead-letter";
    /** How many times a task or result is delivered before it is dead-lettered. */
    public static final int DELIVERY_LIMIT = 5;

    /** CloudEvent {@code source} of messages published by the API. */
    public static final String API_SOURCE = "/scatter/api";
    /** Prefix of the CloudEvent {@code source} of messages published by a worker; the worker name follows. */
    public static final String WORKER_SOURCE_PREFIX = "/scatter/worker/";

    private Channels() {
    }
}
