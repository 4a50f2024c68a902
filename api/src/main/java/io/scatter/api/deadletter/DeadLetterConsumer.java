package io.scatter.api.deadletter;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.scatter.api.broker.BrokerListener;
import io.scatter.api.results.TransientFailures;
import io.scatter.contracts.Channels;
import io.scatter.messaging.BrokerConnection;
import io.scatter.messaging.transport.DeadLetterMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Consumes {@link Channels#TASKS_DEAD_LETTER_QUEUE} with manual acknowledgement and hands each message to the
 * {@link DeadLetterHandler}: acked only once it is stored. A dead letter is never dropped: while the database is
 * unavailable it is retried in place; one that cannot be applied (a failure retrying cannot fix) is stored without
 * failing its job; and one that cannot be stored at all goes back to the queue.
 */
@Component
class DeadLetterConsumer implements BrokerListener {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterConsumer.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

    private final DeadLetterHandler handler;
    private final DeadLetterProperties properties;
    private final Clock clock;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile Channel channel;

    DeadLetterConsumer(DeadLetterHandler handler, DeadLetterProperties properties, Clock clock) {
        this.handler = handler;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void connected(BrokerConnection connection) throws IOException {
        Channel opened = connection.openChannel();
        opened.basicQos(properties.prefetch());
        opened.basicConsume(Channels.TASKS_DEAD_LETTER_QUEUE, false, "scatter-api-dead-letters",
                new DefaultConsumer(opened) {
                    @Override
                    public void handleDelivery(String consumerTag, Envelope envelope,
                                               AMQP.BasicProperties messageProperties, byte[] body)
                            throws IOException {
                        deliver(opened, envelope.getDeliveryTag(), messageProperties, body);
                    }
                });
        channel = opened;
        log.info("Consuming dead tasks from {}", Channels.TASKS_DEAD_LETTER_QUEUE);
    }

    @Override
    public void disconnecting() {
        stopping.countDown();
        Channel open = channel;
        if (open != null && open.isOpen()) {
            try {
                open.close();
            } catch (IOException | TimeoutException | RuntimeException e) {
                log.debug("Closing the dead-letter channel failed", e);
            }
        }
    }

    /** Handles one delivery on {@code on}: read, store until committed (or shutdown), then ack. */
    void deliver(Channel on, long deliveryTag, AMQP.BasicProperties messageProperties, byte[] body) throws IOException {
        DeadLetterMessage message = DeadLetterMessage.read(messageProperties, body, clock.instant());
        Duration backoff = FIRST_BACKOFF.compareTo(properties.maxBackoff()) < 0 ? FIRST_BACKOFF : properties.maxBackoff();
        boolean applying = true;
        while (true) {
            try {
                if (applying) {
                    handler.handle(message);
                } else {
                    handler.storeOnly(message);
                }
                on.basicAck(deliveryTag, false);
                return;
            } catch (RuntimeException e) {
                if (TransientFailures.isTransient(e)) {
                    log.warn("Database unavailable storing {} ({}); retrying in {} ms", message, e.getMessage(),
                            backoff.toMillis());
                } else if (applying) {
                    log.error("Cannot fail the job of {}; storing it without doing so", message, e);
                    applying = false;
                    continue;
                } else {
                    log.error("Cannot store {}; returning it to the queue", message, e);
                    if (!awaitStop(properties.maxBackoff())) {
                        on.basicNack(deliveryTag, false, true);
                    }
                    return;
                }
            }
            if (awaitStop(backoff)) {
                log.info("Shutting down before {} was stored; the broker keeps it", message);
                return;
            }
            backoff = backoff.multipliedBy(2);
            if (backoff.compareTo(properties.maxBackoff()) > 0) {
                backoff = properties.maxBackoff();
            }
        }
    }

    private boolean awaitStop(Duration pause) {
        try {
            return stopping.await(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
