package io.scatter.api.workers;

import io.scatter.api.outbox.Outbox;
import io.scatter.contracts.TaskMessage;
import io.scatter.engine.result.TaskRecovery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every {@code scatter.workers.reap-interval}, on its own thread, publishes again the tasks that LOST workers held
 * when last heard from and that still wait for a result — one transaction per job, through the outbox — so that a
 * worker that went silent while keeping its broker connection (a wedged process, a half-open connection) holds no
 * job up. Replicas recover each task once: a task queued again since the worker went silent is left alone.
 */
@Component
class StaleTaskReaper extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(StaleTaskReaper.class);

    private final WorkerRegistry registry;
    private final TaskRecovery recovery;
    private final Outbox outbox;
    private final TransactionTemplate transactions;

    StaleTaskReaper(WorkerRegistry registry, TaskRecovery recovery, Outbox outbox, TransactionTemplate transactions,
                    WorkersProperties properties) {
        super("scatter-stale-task-reaper", properties.reapInterval());
        this.registry = registry;
        this.recovery = recovery;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    @Override
    protected void runOnce() {
        reap();
    }

    /** One pass over the lost workers; returns how many tasks it published again. */
    int reap() {
        int published = 0;
        for (WorkerRegistry.LostWorker lost : registry.lostHoldingTasks()) {
            int again = 0;
            for (Map.Entry<UUID, List<Integer>> job : lost.tasks().entrySet()) {
                again += republish(job.getKey(), job.getValue(), lost);
            }
            registry.recovered(lost);
            log.warn("Worker {} is lost (nothing heard since {}) holding {} task(s); published {} of them again",
                    lost.name(), lost.lastSeenAt(), lost.tasks().values().stream().mapToInt(List::size).sum(), again);
            published += again;
        }
        return published;
    }

    private int republish(UUID jobId, List<Integer> taskIndexes, WorkerRegistry.LostWorker lost) {
        Integer count = transactions.execute(status -> {
            List<TaskMessage> again = recovery.stillQueued(jobId, taskIndexes,
                    index -> outbox.taskQueuedSince(jobId, index, lost.lastSeenAt()));
            if (!again.isEmpty()) {
                outbox.enqueueTasks(again);
            }
            return again.size();
        });
        return count == null ? 0 : count;
    }
}
