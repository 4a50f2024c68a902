package io.scatter.api.results;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.cloudevents.CloudEvent;
import io.scatter.api.broker.ManualAckConsumer;
import io.scatter.api.log.JobLogContext;
import io.scatter.contracts.Channels;
import io.scatter.contracts.TaskResultMessage;
import io.scatter.engine.result.ResultMessage;
import io.scatter.engine.result.ResultOutcome;
import io.scatter.messaging.BrokerConnection;
import io.scatter.messaging.CloudEventAmqpCodec;
import io.scatter.messaging.MalformedMessageException;
import io.scatter.messaging.ScatterEvents;
import io.scatter.messaging.TraceExtension;
import io.scatter.messaging.tracing.Tracing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Consumes task results with manual acknowledgement, applying those already delivered together: one thread takes
 * what has arrived (up to the batch size, never waiting for more), rejects the malformed to the dead-letter queue,
 * applies the rest in one transaction through {@link ResultHandler} and acks them with one multiple ack. A batch that
 * cannot be applied is applied one result at a time, so that only the bad result is dead-lettered; while the database
 * is unavailable a batch is retried in place (not requeued, which would count towards the queue's delivery limit).
 * Applying each result is traced ({@link ResultSpans}) under the trace context its message carried.
 */
@Component
class ResultConsumer extends ManualAckConsumer {

    private static final Logger log = LoggerFactory.getLogger(ResultConsumer.class);
    private static final long POLL_MILLIS = 200;

    private final ResultHandler handler;
    private final int batchSize;
    private final Tracing tracing;
    private final BlockingQueue<Delivery> delivered = new LinkedBlockingQueue<>();

    @Autowired
    ResultConsumer(ResultHandler handler, ResultProperties properties, Tracing tracing) {
        super(Channels.RESULTS_QUEUE, "scatter-api-results", properties.prefetch(), properties.maxBackoff());
        this.handler = handler;
        this.batchSize = properties.batchSize();
        this.tracing = tracing;
    }

    /** A consumer that does not trace. */
    ResultConsumer(ResultHandler handler, ResultProperties properties) {
        this(handler, properties, Tracing.OFF);
    }

    /** A delivery not settled yet. */
    private record Delivery(Channel channel, long deliveryTag, AMQP.BasicProperties properties, byte[] body) {
    }

    /** A well-formed delivery, decoded. */
    private record Received(Channel channel, long deliveryTag, ResultMessage message,
                            Map<String, String> traceContext) {
    }

    @Override
    public void connected(BrokerConnection connection) throws IOException {
        super.connected(connection);
        Thread applier = new Thread(this::applyUntilStopped, "scatter-api-results");
        applier.setDaemon(true);
        applier.start();
    }

    /** Queues one delivery on {@code on} for the applying thread. */
    @Override
    protected void deliver(Channel on, long deliveryTag, AMQP.BasicProperties messageProperties, byte[] body) {
        delivered.add(new Delivery(on, deliveryTag, messageProperties, body));
    }

    /** Applies and settles the deliveries waiting, up to the batch size; false if none was waiting. */
    boolean applyDelivered() throws IOException {
        List<Delivery> batch = new ArrayList<>();
        delivered.drainTo(batch, batchSize);
        if (batch.isEmpty()) {
            return false;
        }
        settle(batch);
        return true;
    }

    private void applyUntilStopped() {
        while (!awaitStop(Duration.ZERO)) {
            try {
                Delivery first = delivered.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    List<Delivery> batch = new ArrayList<>();
                    batch.add(first);
                    delivered.drainTo(batch, batchSize - 1);
                    settle(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                log.warn("Could not settle results; the broker delivers them again", e);
            }
        }
    }

    /** Rejects the malformed deliveries of {@code batch}, then applies the others together and acks them. */
    private void settle(List<Delivery> batch) throws IOException {
        List<Received> received = new ArrayList<>(batch.size());
        for (Delivery delivery : batch) {
            try {
                CloudEvent event = CloudEventAmqpCodec.decode(delivery.properties(), delivery.body());
                received.add(new Received(delivery.channel(), delivery.deliveryTag(),
                        new ResultMessage(event.getId(), ScatterEvents.data(event, TaskResultMessage.class)),
                        TraceExtension.read(event)));
            } catch (MalformedMessageException e) {
                log.warn("Dead-lettering malformed result message {}: {}", delivery.properties().getMessageId(),
                        e.getMessage());
                delivery.channel().basicReject(delivery.deliveryTag(), false);
            }
        }
        if (!received.isEmpty()) {
            apply(received);
        }
    }

    /**
     * Applies {@code batch} together until committed, then acks it (a batch with one multiple ack); a batch that cannot
     * be applied is applied one result at a time, and a lone result that cannot be applied is dead-lettered. False if
     * the API stopped before every result was settled.
     */
    private boolean apply(List<Received> batch) throws IOException {
        List<ResultMessage> messages = batch.stream().map(Received::message).toList();
        Received last = batch.get(batch.size() - 1);
        ResultSpans spans = ResultSpans.start(tracing, messages, batch.stream().map(Received::traceContext).toList());
        Duration backoff = firstBackoff();
        while (true) {
            try {
                List<ResultOutcome> outcomes = spans.inContext(() -> handler.applyAll(messages));
                spans.applied(outcomes);
                last.channel().basicAck(last.deliveryTag(), batch.size() > 1);
                return true;
            } catch (RuntimeException e) {
                if (!TransientFailures.isTransient(e)) {
                    spans.failed(e);
                    return applyOneByOne(batch, e);
                }
                log.warn("Database unavailable applying {} result(s) ({}); retrying in {} ms", batch.size(),
                        e.getMessage(), backoff.toMillis());
            }
            if (awaitStop(backoff)) {
                spans.applied(List.of());
                log.info("Shutting down before {} result(s) were applied; the broker keeps them", batch.size());
                return false;
            }
            backoff = nextBackoff(backoff);
        }
    }

    private boolean applyOneByOne(List<Received> batch, RuntimeException failure) throws IOException {
        if (batch.size() == 1) {
            ResultMessage message = batch.get(0).message();
            try (JobLogContext context = JobLogContext.of(message.result().jobId())) {
                log.error("Dead-lettering result message {} (task {} of job {}): it cannot be applied",
                        message.messageId(), message.result().taskIndex(), message.result().jobId(), failure);
            }
            batch.get(0).channel().basicReject(batch.get(0).deliveryTag(), false);
            return true;
        }
        log.warn("A batch of {} results cannot be applied together; applying them one by one", batch.size(), failure);
        for (Received one : batch) {
            if (!apply(List.of(one))) {
                return false;
            }
        }
        return true;
    }
}
