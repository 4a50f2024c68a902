package io.scatter.api.deadletter;

import io.scatter.api.log.JobLogContext;
import io.scatter.api.outbox.Outbox;
import io.scatter.contracts.TaskMessage;
import io.scatter.contracts.TaskResultMessage;
import io.scatter.engine.result.Aggregation;
import io.scatter.engine.result.DeadTaskSweeper;
import io.scatter.engine.result.ResultAggregator;
import io.scatter.messaging.transport.DeadLetterMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.UUID;

/**
 * Stores each dead letter once and fails its task through the same exactly-once aggregation the result inbox uses, in
 * one transaction: the dead letter row (its message id unique: a redelivery stops here), then a FAILED result for its
 * task applied by the engine's {@link ResultAggregator} under the message id {@code dead-letter/<message id>} (the
 * inbox absorbs a repeat), and, when that failed the job, the job's unsent task messages withdrawn from the outbox.
 *
 * <p>Unlike a FAILED result from a worker, a dead letter does not broadcast a cancellation: workers remember cancelled
 * jobs and would skip the job's tasks for good, also after a retry reopened it. Its remaining tasks are computed and
 * their results ignored (their tasks are CANCELLED) until a retry puts them back.
 *
 * <p>The message id of the FAILED result is the dead letter's own, not {@link DeadTaskSweeper}'s per-task one: a task
 * retried and dead-lettered again is a new message, and must fail its reopened job again.
 */
@Component
class DeadLetterRecorder implements DeadLetterHandler {

    /** The worker the FAILED result of a dead letter names when the dead letter names none, as in local mode. */
    static final String WORKER = DeadTaskSweeper.WORKER;

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRecorder.class);

    private final DeadLetterRepository repository;
    private final ResultAggregator aggregator;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DeadLetterRecorder(DeadLetterRepository repository, ResultAggregator aggregator, Outbox outbox,
                       TransactionTemplate transactions, Clock clock) {
        this.repository = repository;
        this.aggregator = aggregator;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The message id of the FAILED result standing for the dead letter with message id {@code messageId}. */
    static String resultMessageId(String messageId) {
        return "dead-letter/" + messageId;
    }

    @Override
    public Stored handle(DeadLetterMessage message) {
        Stored stored = transactions.execute(status -> {
            UUID id = UUID.randomUUID();
            if (!repository.insert(id, message, clock.instant())) {
                return Stored.DUPLICATE;
            }
            TaskMessage task = message.task();
            if (task == null) {
                return Stored.NOT_A_TASK;
            }
            Aggregation applied = aggregator.apply(resultMessageId(message.messageId()), TaskResultMessage.failed(task,
                    message.reason(), message.worker() != null ? message.worker() : WORKER, message.attempts(),
                    message.deadLetteredAt(),
                    message.deadLetteredAt()));
            if (!applied.failedTheJob()) {
                return Stored.STORED;
            }
            repository.markFailedJob(id);
            outbox.discardUnsentTasks(task.jobId());
            return Stored.FAILED_THE_JOB;
        });
        switch (stored) {
            case FAILED_THE_JOB -> {
                try (JobLogContext context = JobLogContext.of(message.task().jobId())) {
                    log.info("Stored {}; it failed job {}", message, message.task().jobId());
                }
            }
            case STORED, NOT_A_TASK -> log.info("Stored {}", message);
            case DUPLICATE -> log.debug("Skipping {}: stored before", message);
        }
        return stored;
    }

    @Override
    public Stored storeOnly(DeadLetterMessage message) {
        Boolean inserted = transactions.execute(status -> repository.insert(UUID.randomUUID(), message,
                clock.instant()));
        return Boolean.TRUE.equals(inserted) ? Stored.STORED : Stored.DUPLICATE;
    }
}
