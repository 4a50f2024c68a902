package io.scatter.api.deadletter;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A dead letter as clients see it: a task that was dead-lettered, why and by whom, and whether it was retried.
 *
 * @param id             the dead letter's id
 * @param messageId      the id of the dead-lettered message (the task's CloudEvent id)
 * @param jobId          the task's job, or null when the message was not a readable task
 * @param taskIndex      the task's 0-based index in its job, or null with {@code jobId}
 * @param jobType        the task's job type, or null with {@code jobId}
 * @param reason         why it was dead-lettered, one line (e.g. {@code delivery_limit: delivered 5 times without an
 *                       ack}, or a worker's exception message)
 * @param attempts       how many times it had been delivered
 * @param worker         the worker that rejected it, or null when the broker or the transport dead-lettered it
 * @param deadLetteredAt when it was dead-lettered
 * @param payload        the task's payload, or null with {@code jobId}
 * @param status         DEAD, or RETRIED once a retry put its task back on the queue
 * @param failedJob      whether this dead letter failed its job (only such a dead letter reopens it when retried)
 * @param receivedAt     when the API stored it
 * @param retriedAt      when it was retried, or null
 */
@Schema(description = "A dead-lettered task")
public record DeadLetterDocument(UUID id, String messageId, UUID jobId, Integer taskIndex, String jobType,
                                 String reason, int attempts, String worker, Instant deadLetteredAt,
                                 Map<String, Object> payload, DeadLetterStatus status, boolean failedJob,
                                 Instant receivedAt, Instant retriedAt) {
}
