package io.scatter.engine.store;

/** Where a stored task is: it leaves QUEUED at most once, and that move is what counts its result. */
public enum TaskStatus {
    QUEUED, SUCCEEDED, FAILED, CANCELLED
}
