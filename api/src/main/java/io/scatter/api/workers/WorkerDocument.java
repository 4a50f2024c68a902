package io.scatter.api.workers;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A worker as clients see it, from its last heartbeat.
 *
 * @param name         the worker's name
 * @param host         the machine it runs on
 * @param pid          its process id there
 * @param status       ALIVE, STOPPING, or LOST when nothing was heard for {@code scatter.workers.lost-after}
 * @param concurrency  how many tasks it computes at once at most
 * @param tasksDone    tasks it computed (succeeded or failed) since it started
 * @param tasksFailed  how many of those failed
 * @param currentTasks the tasks it held at its last heartbeat, oldest first
 * @param startedAt    when it started
 * @param lastSeenAt   when this API last heard from it
 */
@Schema(description = "A worker, as of its last heartbeat")
record WorkerDocument(String name, String host, long pid, WorkerStatus status, int concurrency, long tasksDone,
                      long tasksFailed, List<CurrentTask> currentTasks, Instant startedAt, Instant lastSeenAt) {

    /**
     * A task a worker is computing.
     *
     * @param jobId     the job it belongs to
     * @param taskIndex its 0-based position within the job
     * @param startedAt when the worker took it
     */
    record CurrentTask(UUID jobId, int taskIndex, Instant startedAt) {
    }
}
