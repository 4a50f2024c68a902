package io.scatter.engine.result;

import io.scatter.contracts.TaskMessage;
import io.scatter.contracts.TaskResultMessage;
import io.scatter.engine.transport.DeadTask;
import io.scatter.engine.transport.TaskTransport;
import io.scatter.engine.transport.TransportException;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Turns dead-lettered tasks into FAILED results, published like any worker's, so that a job with a poison task ends
 * FAILED instead of waiting forever. The message id is derived from the task, so sweeping a dead task again changes
 * nothing (the inbox has seen it).
 *
 * <pre>{@code
 * DeadTaskSweeper sweeper = new DeadTaskSweeper(transport, clock);
 * sweeper.sweep();   // now and then, e.g. while waiting for a job
 * }</pre>
 */
public final class DeadTaskSweeper {

    /** The worker name FAILED results of dead-lettered tasks carry. */
    public static final String WORKER = "dead-letter-queue";

    private final TaskTransport transport;
    private final Clock clock;
    private final Set<String> swept = new HashSet<>();

    public DeadTaskSweeper(TaskTransport transport, Clock clock) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Publishes a FAILED result for every task dead-lettered and not swept before; returns how many. */
    public synchronized int sweep() throws TransportException {
        int published = 0;
        for (DeadTask dead : transport.deadTasks()) {
            TaskMessage task = dead.task();
            if (task != null && !swept.contains(messageId(task))) {
                Instant now = clock.instant();
                transport.publishResult(messageId(task), TaskResultMessage.failed(task, dead.reason(), WORKER,
                        TaskTransport.DELIVERY_LIMIT, now, now));
                swept.add(messageId(task));
                published++;
            }
        }
        return published;
    }

    /** The id of the FAILED result standing for dead task {@code task}. */
    static String messageId(TaskMessage task) {
        return "dead-letter/" + task.jobId() + "/" + task.taskIndex();
    }
}
