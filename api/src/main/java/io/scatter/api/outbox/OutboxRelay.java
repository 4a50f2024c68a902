package io.scatter.api.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.scatter.api.broker.Broker;
import io.scatter.messaging.BrokerConnection;
import io.scatter.messaging.ConfirmingPublisher;
import io.scatter.messaging.MessageSigning;
import io.scatter.messaging.OutgoingMessage;
import io.scatter.messaging.PublishFailedException;
import io.scatter.messaging.tracing.ScatterAttributes;
import io.scatter.messaging.tracing.Tracing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes the outbox: every {@code scatter.outbox.interval}, on its own thread, it locks the oldest unsent rows
 * (skipping those another replica holds), publishes them with confirms and marks them sent in the same transaction;
 * a failed publish rolls back, so the rows stay unsent and are retried after a growing pause. Idle while the broker
 * is not connected. Each message's PRODUCER span is a child of the trace context its row was queued in, and the
 * message carries the span's context. With a signing key every message is signed ({@link SigningConfiguration}).
 */
@Component
class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);

    private final OutboxRepository repository;
    private final TransactionTemplate transactions;
    private final Broker broker;
    private final RelayProperties properties;
    private final Clock clock;
    private final Tracing tracing;
    private final MessageSigning signing;
    private volatile boolean running;
    private volatile ScheduledExecutorService scheduler;
    private final AtomicBoolean wakePending = new AtomicBoolean();

    // confined to the scheduler's thread
    private ConfirmingPublisher publisher;
    private BrokerConnection publisherConnection;
    private Duration backoff = Duration.ZERO;
    private Instant resumeAt = Instant.MIN;
    private Instant nextCleanup = Instant.MIN;

    OutboxRelay(OutboxRepository repository, TransactionTemplate transactions, Broker broker,
                RelayProperties properties, Clock clock, Tracing tracing, MessageSigning signing) {
        this.repository = repository;
        this.signing = signing;
        this.tracing = tracing;
        this.transactions = transactions;
        this.broker = broker;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "scatter-outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        log.info("Outbox relay: {}", signing.enabled() ? "signing messages (" + signing + ")"
                : "messages are not signed (no signing key)");
        scheduler.scheduleWithFixedDelay(this::round, 0, properties.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        running = false;
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(properties.publishTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
        if (publisher != null) {
            publisher.close();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Runs a round soon, on the relay's thread, instead of waiting out the interval: rows just committed go out at
     * once. Rounds never overlap, and wakes coalesce: the commits that come while a woken round waits to start share
     * it. A wake while the relay is stopped or backing off does nothing.
     */
    void wake() {
        ScheduledExecutorService current = scheduler;
        if (running && current != null && wakePending.compareAndSet(false, true)) {
            try {
                current.execute(() -> {
                    wakePending.set(false);
                    round();
                });
            } catch (RejectedExecutionException e) {
                wakePending.set(false);
                log.debug("Not waking the relay: it is stopping");
            }
        }
    }

    /** One round: relays batches until fewer than a full batch is left; never throws (that would end the schedule). */
    private void round() {
        if (!running || clock.instant().isBefore(resumeAt)) {
            return;
        }
        try {
            Optional<BrokerConnection> connection = broker.connection();
            if (connection.isEmpty()) {
                return;
            }
            int relayed;
            do {
                relayed = relayBatch(publisher(connection.get()));
            } while (relayed == properties.batchSize() && running);
            backoff = Duration.ZERO;
            cleanUpIfDue();
        } catch (RelayFailedException e) {
            backOff("Outbox relay could not publish " + e.count + " messages (" + e.getCause().getMessage()
                    + "); they stay unsent");
        } catch (RuntimeException e) {
            backOff("Outbox relay round failed (" + e + ")");
        }
    }

    /** Publishes and marks sent one batch in one transaction; returns how many rows it relayed. */
    private int relayBatch(ConfirmingPublisher publisher) {
        Integer relayed = transactions.execute(status -> {
            List<OutboxRow> rows = repository.lockUnsent(properties.batchSize());
            if (rows.isEmpty()) {
                return 0;
            }
            List<OutgoingMessage> messages = new ArrayList<>(rows.size());
            List<UUID> ids = new ArrayList<>(rows.size());
            List<Span> spans = new ArrayList<>(rows.size());
            for (OutboxRow row : rows) {
                Span span = tracing.startSend(tracing.extract(row.traceContext()), row.exchange(), row.id().toString());
                span.setAttribute(ScatterAttributes.JOB_ID, row.subject());
                spans.add(span);
                messages.add(row.toMessage(tracing.inject(Context.root().with(span))));
                ids.add(row.id());
            }
            try {
                publisher.publishAll(messages, properties.publishTimeout(), signing);
            } catch (PublishFailedException e) {
                spans.forEach(span -> span.setStatus(StatusCode.ERROR, e.getMessage()));
                throw new RelayFailedException(rows.size(), e);
            } finally {
                spans.forEach(Span::end);
            }
            repository.markSent(ids);
            log.debug("Relayed {} outbox messages", rows.size());
            return rows.size();
        });
        return relayed == null ? 0 : relayed;
    }

    private void cleanUpIfDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextCleanup)) {
            return;
        }
        nextCleanup = now.plus(properties.cleanupInterval());
        int deleted = repository.deleteSentBefore(now.minus(properties.retention()));
        if (deleted > 0) {
            log.info("Deleted {} outbox messages sent more than {} ago", deleted, properties.retention());
        }
    }

    private void backOff(String reason) {
        backoff = backoff.isZero() ? FIRST_BACKOFF : backoff.multipliedBy(2);
        if (backoff.compareTo(properties.maxBackoff()) > 0) {
            backoff = properties.maxBackoff();
        }
        resumeAt = clock.instant().plus(backoff);
        log.warn("{}; retrying in {} ms", reason, backoff.toMillis());
    }

    private ConfirmingPublisher publisher(BrokerConnection connection) {
        if (publisher == null || publisherConnection != connection) {
            if (publisher != null) {
                publisher.close();
            }
            publisher = new ConfirmingPublisher(connection);
            publisherConnection = connection;
        }
        return publisher;
    }

    /** A batch could not be published; thrown inside the transaction to roll it back. */
    private static final class RelayFailedException extends RuntimeException {

        private final int count;

        RelayFailedException(int count, PublishFailedException cause) {
            super(cause.getMessage(), cause);
            this.count = count;
        }
    }
}
