package io.scatter.api.workers;

/** What the API makes of a worker's heartbeats. */
enum WorkerStatus {
    /** Heard from within {@code scatter.workers.lost-after}, and running. */
    ALIVE,
    /** Heard from within {@code scatter.workers.lost-after}, and shutting down. */
    STOPPING,
    /** Nothing heard for longer than {@code scatter.workers.lost-after}. */
    LOST
}
