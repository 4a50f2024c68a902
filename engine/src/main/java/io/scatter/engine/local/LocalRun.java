package io.scatter.engine.local;

import java.time.Duration;

/**
 * What a local-mode run ended with.
 *
 * @param job         the job's final document
 * @param workersUsed how many in-process workers computed at least one of its tasks
 * @param elapsed     wall time from submission to the job's end
 */
public record LocalRun(JobSnapshot job, int workersUsed, Duration elapsed) {
}
