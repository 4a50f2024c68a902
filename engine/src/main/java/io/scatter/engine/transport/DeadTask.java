package io.scatter.engine.transport;

import io.scatter.contracts.TaskMessage;

/**
 * A task that was dead-lettered.
 *
 * @param task   the task, or null when the message could not be read as one
 * @param reason why, in one line
 */
public record DeadTask(TaskMessage task, String reason) {
}
