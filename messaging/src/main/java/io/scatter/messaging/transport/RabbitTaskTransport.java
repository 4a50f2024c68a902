package io.scatter.messaging.transport;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.ShutdownSignalException;
import io.cloudevents.CloudEvent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.scatter.contracts.Channels;
import io.scatter.contracts.JobCancelledMessage;
import io.scatter.contracts.TaskMessage;
import io.scatter.contracts.TaskResultMessage;
import io.scatter.engine.transport.DeadTask;
import io.scatter.engine.transport.ResultDelivery;
import io.scatter.engine.transport.Subscription;
import io.scatter.engine.transport.TaskDelivery;
import io.scatter.engine.transport.TaskTransport;
import io.scatter.engine.transport.TransportException;
import io.scatter.messaging.AmqpMessage;
import io.scatter.messaging.BrokerConnection;
import io.scatter.messaging.BrokerProduct;
import io.scatter.messaging.CloudEventAmqpCodec;
import io.scatter.messaging.MalformedMessageException;
import io.scatter.messaging.MessageSigning;
import io.scatter.messaging.OutgoingMessage;
import io.scatter.messaging.PublishFailedException;
import io.scatter.messaging.ScatterEvents;
import io.scatter.messaging.Topology;
import io.scatter.messaging.TraceExtension;
import io.scatter.messaging.tracing.ScatterAttributes;
import io.scatter.messaging.tracing.Tracing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The {@link TaskTransport} of a cluster: RabbitMQ, with the topology of {@link Topology}, every message a CloudEvent
 * in binary mode exactly as the API and the workers exchange them, publishes confirmed, deliveries acknowledged
 * manually. The same adapter runs on Apache Qpid Broker-J (the broker the head node embeds): see "On Qpid" below.
 *
 * <ul>
 *   <li>Tasks and results are consumed from their quorum queues, each subscription on a channel and a thread pool of
 *       its own. Closing a subscription cancels its consumer, lets running handlers finish for up to
 *       {@link Options#closeGrace()}, then closes its channel, so deliveries still unsettled return to the queue and
 *       the quorum queue counts the return in {@code x-delivery-count} (the next delivery's attempt is one
 *       higher). A settlement after that is logged and ignored, as is a second settlement of a delivery.</li>
 *   <li>A rejected delivery is dead-lettered with its reason: a copy with the headers {@value #REASON_HEADER},
 *       {@value #ATTEMPTS_HEADER}, {@value #DEAD_LETTERED_AT_HEADER} and, when a worker rejected it by name
 *       ({@link TaskDelivery#reject(String, String)}), {@value #WORKER_HEADER} is published to
 *       {@link Channels#DEAD_LETTER_EXCHANGE} (confirmed), then the original is acked. Messages that are not a readable CloudEvent of the expected type are dead-lettered the same
 *       way and never reach a handler, as are tasks its {@link TaskAdmission} refuses (too large, badly signed).</li>
 *   <li>The delivery limit is kept exactly: a quorum queue with {@code x-delivery-limit} 5 delivers a message up to 6
 *       times, so a requeue on the 5th attempt dead-letters instead, and a 6th delivery (after a consumer crashed on
 *       the 5th) is dead-lettered by the adapter without reaching the handler. Either way the reason is
 *       {@code delivery_limit: …}.</li>
 * </ul>
 *
 * <p><b>On Qpid</b> ({@link BrokerProduct#QPID}, told by the connection's server properties) the broker neither tells
 * a consumer how often a message was delivered nor dead-letters one whose consumers keep going away, and it counts no
 * requeue. So the adapter counts: requeueing publishes a copy carrying the attempt in the header
 * {@value InboundMessage#DELIVERIES_HEADER} back to the queue (confirmed) and acks the original; a delivery the broker
 * flags as redelivered is counted one higher and replaced on the queue by such a copy before any handler sees it (or
 * dead-lettered, past the limit). Rejecting already publishes the dead-letter copy and acks, which is what Qpid needs
 * (its {@code basic.reject(requeue=false)} requeues for other consumers below its own delivery limit; so when the
 * dead-letter copy cannot be published, the rejected task comes back, counted, instead of going to the queue's
 * dead-letter exchange without its reason).
 *
 * <p>Thread-safe: publishing methods may be called from any number of threads (each borrows a confirming publisher
 * of its own from a pool).
 */
public final class RabbitTaskTransport implements TaskTransport {

    /** Header of a dead-lettered copy: why it was dead-lettered, one line. */
    public static final String REASON_HEADER = "x-scatter-reason";
    /** Header of a dead-lettered copy: which attempt was rejected (1 for the first delivery). */
    public static final String ATTEMPTS_HEADER = "x-scatter-attempts";
    /** Header of a dead-lettered copy: when it was dead-lettered, epoch milliseconds (orders {@link #deadTasks()}). */
    public static final String DEAD_LETTERED_AT_HEADER = "x-scatter-dead-lettered-at";
    /** Header of a dead-lettered copy: the worker that rejected it, when a worker did (absent otherwise). */
    public static final String WORKER_HEADER = "x-scatter-worker";
    /** How many results the result consumer holds at most; they are handled one at a time. */
    public static final int RESULT_PREFETCH = 10;

    private static final Logger log = LoggerFactory.getLogger(RabbitTaskTransport.class);
    private static final int PUBLISH_BATCH = 1000;
    private static final int MAX_REASON_LENGTH = 1000;
    private static final int MAX_DEAD_TASKS = 100_000;
    private static final AtomicInteger SUBSCRIPTION_NUMBERS = new AtomicInteger();

    private final BrokerConnection connection;
    private final boolean ownsConnection;
    private final Duration confirmTimeout;
    private final Duration closeGrace;
    private final PublisherPool publishers;
    private final ResultPublisher results;
    private final BrokerProduct product;
    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    /** Held while reading the dead-letter queue, so two readers in this process never see half of it each. */
    private final Object deadTaskReader = new Object();
    private volatile boolean closed;
    private volatile Consumer<String> consumerLost = queue -> { };
    private volatile Tracing tracing = Tracing.OFF;
    private volatile TaskAdmission taskAdmission = TaskAdmission.DEFAULTS;

    /**
     * How the transport waits.
     *
     * @param confirmTimeout how long a publish waits for the broker's confirm before it fails
     * @param closeGrace     how long closing a subscription lets its running handlers finish (and settle their
     *                       deliveries) before it closes the channel, returning whatever is unsettled to the queue
     */
    public record Options(Duration confirmTimeout, Duration closeGrace) {

        /** A confirm timeout of 30 s and a close grace of 5 s. */
        public static final Options DEFAULTS = new Options(Duration.ofSeconds(30), Duration.ofSeconds(5));

        public Options {
            Objects.requireNonNull(confirmTimeout, "confirmTimeout");
            Objects.requireNonNull(closeGrace, "closeGrace");
            if (confirmTimeout.isZero() || confirmTimeout.isNegative()) {
                throw new IllegalArgumentException("confirmTimeout must be positive, got " + confirmTimeout);
            }
            if (closeGrace.isNegative()) {
                throw new IllegalArgumentException("closeGrace must not be negative, got " + closeGrace);
            }
        }

        public Options withConfirmTimeout(Duration timeout) {
            return new Options(timeout, closeGrace);
        }

        public Options withCloseGrace(Duration grace) {
            return new Options(confirmTimeout, grace);
        }
    }

    private RabbitTaskTransport(BrokerConnection connection, boolean ownsConnection, Options options,
                                BrokerProduct product) {
        this.connection = connection;
        this.product = product;
        this.ownsConnection = ownsConnection;
        this.confirmTimeout = options.confirmTimeout();
        this.closeGrace = options.closeGrace();
        this.publishers = new PublisherPool(connection);
        this.results = new ResultPublisher(publishers, confirmTimeout);
    }

    /**
     * Connects to RabbitMQ (retrying until the broker answers) and declares the topology; closing the transport closes
     * the connection.
     *
     * @param uri            e.g. {@code amqp://guest:guest@127.0.0.1:5672}
     * @param connectionName shown in the broker's connection list
     * @throws IllegalArgumentException when the URI is malformed
     * @throws TransportException       when interrupted while connecting, or the topology cannot be declared
     */
    public static RabbitTaskTransport connect(String uri, String connectionName) throws TransportException {
        return connect(uri, connectionName, Options.DEFAULTS);
    }

    /** As {@link #connect(String, String)}, with other timeouts. */
    public static RabbitTaskTransport connect(String uri, String connectionName, Options options)
            throws TransportException {
        Objects.requireNonNull(options, "options");
        BrokerConnection connection;
        try {
            connection = BrokerConnection.open(uri, connectionName, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while connecting to RabbitMQ at " + BrokerConnection.redact(uri),
                    e);
        }
        try {
            return start(connection, true, options);
        } catch (TransportException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * A transport over a connection someone else owns (and closes); declares the topology. Closing the transport
     * closes its channels and subscriptions only.
     */
    public static RabbitTaskTransport over(BrokerConnection connection, Options options) throws TransportException {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(options, "options");
        return start(connection, false, options);
    }

    private static RabbitTaskTransport start(BrokerConnection connection, boolean owns, Options options)
            throws TransportException {
        BrokerProduct product = BrokerProduct.of(connection.connection());
        try (Channel channel = connection.openChannel()) {
            Topology.declare(channel, product);
        } catch (IOException | TimeoutException | ShutdownSignalException e) {
            if (!Topology.accessRefused(e)) {
                throw new TransportException("cannot declare the RabbitMQ topology: " + oneLine(message(e)), e);
            }
            verifyTopology(connection);
        }
        return new RabbitTaskTransport(connection, owns, options, product);
    }

    /** For a user who may not declare the topology (a least-privilege worker): it must have been declared already. */
    private static void verifyTopology(BrokerConnection connection) throws TransportException {
        try (Channel channel = connection.openChannel()) {
            Topology.verify(channel);
        } catch (IOException | TimeoutException | ShutdownSignalException e) {
            throw new TransportException("this RabbitMQ user may not declare the topology and it is not declared yet;"
                    + " start the API first: " + oneLine(message(e)), e);
        }
    }

    @Override
    public void publishTasks(List<TaskMessage> tasks) throws TransportException {
        Objects.requireNonNull(tasks, "tasks");
        ensureOpen();
        if (tasks.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        List<OutgoingMessage> messages = new ArrayList<>(tasks.size());
        for (TaskMessage task : tasks) {
            Objects.requireNonNull(task, "task");
            CloudEvent event = ScatterEvents.event(ScatterEvents.newId(), Channels.API_SOURCE, task.jobId().toString(),
                    now, task);
            messages.add(new OutgoingMessage(TaskMessage.EXCHANGE, TaskMessage.ROUTING_KEY, event));
        }
        for (int from = 0; from < messages.size(); from += PUBLISH_BATCH) {
            List<OutgoingMessage> batch = messages.subList(from, Math.min(messages.size(), from + PUBLISH_BATCH));
            MessageSigning signing = taskAdmission.signing();
            publish(publisher -> publisher.publishAll(batch, confirmTimeout, signing),
                    "publish " + tasks.size() + " task(s)");
        }
    }

    @Override
    public void publishResult(String messageId, TaskResultMessage result) throws TransportException {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(result, "result");
        if (messageId.isBlank()) {
            throw new IllegalArgumentException("messageId is blank");
        }
        ensureOpen();
        Span span = startSend(messageId, result);
        OutgoingMessage message = resultMessage(messageId, result, span);
        try {
            publish(publisher -> publisher.publish(message, confirmTimeout), "publish result " + messageId);
        } catch (TransportException | RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.getMessage());
            throw e;
        } finally {
            span.end();
        }
    }

    /**
     * Queues the result for the publisher thread, which publishes all results waiting with one wait for their
     * confirms; the stage completes on that thread once the broker confirmed the result, or exceptionally when it
     * did not (then the result may or may not be on the queue: the task is to be computed again, and the API counts a
     * result delivered twice once).
     */
    @Override
    public CompletionStage<Void> publishResultAsync(String messageId, TaskResultMessage result) {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(result, "result");
        if (messageId.isBlank()) {
            throw new IllegalArgumentException("messageId is blank");
        }
        if (closed) {
            return CompletableFuture.failedFuture(new TransportException("the transport is closed"));
        }
        Span span = startSend(messageId, result);
        return results.publish(resultMessage(messageId, result, span)).whenComplete((published, failure) -> {
            if (failure != null) {
                span.setStatus(StatusCode.ERROR, failure.getMessage());
            }
            span.end();
        });
    }

    /**
     * Traces what this transport publishes and consumes with {@code tracing}: a result's PRODUCER span is a child of
     * the context current where it is published, and its message carries that span's context.
     */
    public void traceWith(Tracing tracing) {
        this.tracing = Objects.requireNonNull(tracing, "tracing");
    }

    /**
     * Dead-letters, from now on, every consumed task that {@code admission} refuses (too large, badly signed) before
     * it is read, and signs the tasks this transport publishes with its signing; {@link TaskAdmission#DEFAULTS} until
     * this is called.
     */
    public void admitTasks(TaskAdmission admission) {
        this.taskAdmission = Objects.requireNonNull(admission, "admission");
    }

    private Span startSend(String messageId, TaskResultMessage result) {
        Span span = tracing.startSend(Context.current(), TaskResultMessage.EXCHANGE, messageId);
        span.setAllAttributes(ScatterAttributes.of(result));
        return span;
    }

    private OutgoingMessage resultMessage(String messageId, TaskResultMessage result, Span span) {
        CloudEvent event = ScatterEvents.event(messageId, Channels.WORKER_SOURCE_PREFIX + result.worker(),
                result.jobId().toString(), result.finishedAt(), result);
        event = TraceExtension.write(event, tracing.inject(Context.current().with(span)));
        return new OutgoingMessage(TaskResultMessage.EXCHANGE, TaskResultMessage.ROUTING_KEY, event);
    }

    @Override
    public void broadcastCancel(UUID jobId) throws TransportException {
        Objects.requireNonNull(jobId, "jobId");
        ensureOpen();
        CloudEvent event = ScatterEvents.event(ScatterEvents.newId(), Channels.API_SOURCE, jobId.toString(),
                Instant.now(), new JobCancelledMessage(jobId));
        OutgoingMessage message = new OutgoingMessage(JobCancelledMessage.EXCHANGE, JobCancelledMessage.ROUTING_KEY,
                event);
        publish(publisher -> publisher.publish(message, confirmTimeout), "broadcast the cancellation of job " + jobId);
    }

    @Override
    public Subscription consumeTasks(int concurrency, Consumer<TaskDelivery> handler) throws TransportException {
        return consumeTasks(concurrency, concurrency, handler);
    }

    /**
     * Consumes tasks with a prefetch of {@code prefetch} on {@code concurrency} handler threads: deliveries beyond
     * the threads wait in this process, and go back to the queue unsettled when the subscription closes first.
     */
    @Override
    public Subscription consumeTasks(int concurrency, int prefetch, Consumer<TaskDelivery> handler)
            throws TransportException {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
        if (prefetch < concurrency) {
            throw new IllegalArgumentException("prefetch must be at least the concurrency " + concurrency + ", got "
                    + prefetch);
        }
        Objects.requireNonNull(handler, "handler");
        return consume(Channels.TASKS_EXCHANGE, Channels.TASKS_QUEUE, Channels.TASKS_DEAD_LETTER_QUEUE, prefetch,
                concurrency, "scatter-tasks-" + SUBSCRIPTION_NUMBERS.incrementAndGet(),
                message -> dispatchTask(message, handler));
    }

    @Override
    public Subscription consumeResults(Consumer<ResultDelivery> handler) throws TransportException {
        Objects.requireNonNull(handler, "handler");
        return consume(Channels.RESULTS_EXCHANGE, Channels.RESULTS_QUEUE, Channels.RESULTS_DEAD_LETTER_QUEUE,
                RESULT_PREFETCH, 1, "scatter-results-" + SUBSCRIPTION_NUMBERS.incrementAndGet(),
                message -> dispatchResult(message, handler));
    }

    /**
     * Calls {@code listener} with the queue's name when the broker ends one of this transport's consumers for good —
     * it cancelled the consumer (the queue was deleted) or closed its channel — as opposed to a lost connection,
     * which recovers by itself. A worker process exits then, for its supervisor to restart it.
     */
    public void onConsumerLost(Consumer<String> listener) {
        this.consumerLost = Objects.requireNonNull(listener, "listener");
    }

    /** Consumes {@code queue}, which {@code exchange} routes to under the queue's name. */
    private Subscription consume(String exchange, String queue, String deadLetterQueue, int prefetch, int threads,
                                 String threadPrefix, Consumer<InboundMessage> dispatch) throws TransportException {
        ensureOpen();
        Channel channel;
        try {
            channel = connection.openChannel();
        } catch (IOException | ShutdownSignalException e) {
            throw new TransportException("cannot open a channel to consume " + queue + ": " + oneLine(message(e)), e);
        }
        InboundMessage.Republishing republishing = new InboundMessage.Republishing(exchange, queue, this::republish,
                product.countsDeliveries());
        QueueConsumer consumer = new QueueConsumer(channel, queue, deadLetterQueue, this::publishDeadLetter,
                republishing, threads, threadPrefix, closeGrace, dispatch, subscriptions::remove,
                lostQueue -> consumerLost.accept(lostQueue));
        subscriptions.add(consumer);
        try {
            consumer.start(prefetch);
        } catch (IOException | ShutdownSignalException e) {
            consumer.close();
            throw new TransportException("cannot consume " + queue + ": " + oneLine(message(e)), e);
        }
        if (closed) {
            consumer.close();
            throw new TransportException("the transport is closed");
        }
        return consumer;
    }

    private void dispatchTask(InboundMessage message, Consumer<TaskDelivery> handler) {
        Optional<String> refusal = taskAdmission.refusal(message.properties(), message.body());
        if (refusal.isPresent()) {
            log.warn("Dead-lettering refused task {}: {}", oneLine(message.label()), oneLine(refusal.get()));
            message.deadLetter("refused task message: " + refusal.get());
            return;
        }
        TaskMessage task;
        Map<String, String> traceContext;
        try {
            CloudEvent event = CloudEventAmqpCodec.decode(message.properties(), message.body());
            task = ScatterEvents.data(event, TaskMessage.class);
            if (!task.jobId().toString().equals(event.getSubject())) {
                throw new MalformedMessageException("its subject '" + event.getSubject()
                        + "' is not its jobId " + task.jobId());
            }
            traceContext = TraceExtension.read(event);
        } catch (MalformedMessageException e) {
            log.warn("Dead-lettering malformed task {}: {}", oneLine(message.label()), oneLine(e.getMessage()));
            message.deadLetter("malformed task message: " + e.getMessage());
            return;
        }
        if (overLimit(message) || carriedOver(message)) {
            return;
        }
        RabbitTaskDelivery delivery = new RabbitTaskDelivery(message, task, traceContext);
        try {
            handler.accept(delivery);
        } catch (RuntimeException | Error e) {
            log.error("The task handler failed on {}; returning it to the queue", delivery, e);
            if (!message.settled()) {
                delivery.requeue();
            }
            if (e instanceof Error error) {
                throw error;
            }
        }
    }

    private void dispatchResult(InboundMessage message, Consumer<ResultDelivery> handler) {
        TaskResultMessage result;
        String messageId;
        try {
            CloudEvent event = CloudEventAmqpCodec.decode(message.properties(), message.body());
            result = ScatterEvents.data(event, TaskResultMessage.class);
            messageId = event.getId();
        } catch (MalformedMessageException e) {
            log.warn("Dead-lettering malformed result {}: {}", oneLine(message.label()), oneLine(e.getMessage()));
            message.deadLetter("malformed result message: " + e.getMessage());
            return;
        }
        if (overLimit(message) || carriedOver(message)) {
            return;
        }
        RabbitResultDelivery delivery = new RabbitResultDelivery(message, messageId, result);
        try {
            handler.accept(delivery);
        } catch (RuntimeException | Error e) {
            log.error("The result handler failed on {}; returning it to the queue", delivery, e);
            if (!message.settled()) {
                delivery.requeue();
            }
            if (e instanceof Error error) {
                throw error;
            }
        }
    }

    /**
     * Dead-letters a delivery past the delivery limit (the quorum queue delivers once more than the limit after a
     * consumer went away on the last attempt) and says whether it did.
     */
    private static boolean overLimit(InboundMessage message) {
        int attempt = message.attempt();
        if (attempt <= DELIVERY_LIMIT) {
            return false;
        }
        log.warn("Dead-lettering {}: delivered {} times without an ack", message.label(), attempt - 1);
        message.deadLetterPastLimit(deliveryLimitReason(attempt - 1));
        return true;
    }

    /**
     * Where the adapter counts deliveries, replaces a message redelivered after its consumer went away by a copy that
     * carries the count, and says whether it did (the copy is handled when it arrives).
     */
    private static boolean carriedOver(InboundMessage message) {
        return message.uncountedRedelivery() && message.carryOver();
    }

    /** The broker product this transport runs on. */
    public BrokerProduct product() {
        return product;
    }

    @Override
    public Subscription onCancel(Consumer<UUID> listener) throws TransportException {
        Objects.requireNonNull(listener, "listener");
        ensureOpen();
        Channel channel;
        try {
            channel = connection.openChannel();
        } catch (IOException | ShutdownSignalException e) {
            throw new TransportException("cannot open a channel to listen for cancellations: " + oneLine(message(e)),
                    e);
        }
        CancelListener subscription = new CancelListener(channel, listener, subscriptions::remove);
        subscriptions.add(subscription);
        try {
            subscription.start(Channels.CONTROL_EXCHANGE);
        } catch (IOException | ShutdownSignalException e) {
            subscription.close();
            throw new TransportException("cannot listen for cancellations: " + oneLine(message(e)), e);
        }
        if (closed) {
            subscription.close();
            throw new TransportException("the transport is closed");
        }
        return subscription;
    }

    /**
     * Reads {@link Channels#TASKS_DEAD_LETTER_QUEUE} without consuming it: every message (at most 100,000) is fetched
     * unacknowledged on a channel of its own, then all are returned to the queue with one nack. A quorum queue need
     * not keep returned messages in their order, so the list is ordered by when each was dead-lettered. While one
     * reader holds them, a reader in another process sees fewer; readers in this process take turns. In a cluster the
     * API consumes the queue (it stores each dead letter and fails its job), so this sees only what it has not taken
     * yet; the stored ones are listed by {@code GET /api/v1/dead-letters}.
     */
    @Override
    public List<DeadTask> deadTasks() throws TransportException {
        ensureOpen();
        synchronized (deadTaskReader) {
            return readDeadTasks();
        }
    }

    private List<DeadTask> readDeadTasks() throws TransportException {
        List<Map.Entry<Long, DeadTask>> dead = new ArrayList<>();
        Channel channel = null;
        try {
            channel = connection.openChannel();
            long lastTag = -1;
            GetResponse response;
            while (dead.size() < MAX_DEAD_TASKS
                    && (response = channel.basicGet(Channels.TASKS_DEAD_LETTER_QUEUE, false)) != null) {
                dead.add(Map.entry(deadLetteredAt(response.getProps().getHeaders()),
                        deadTask(response.getProps(), response.getBody())));
                lastTag = response.getEnvelope().getDeliveryTag();
            }
            if (lastTag >= 0) {
                channel.basicNack(lastTag, true, true);
            }
            dead.sort(Map.Entry.comparingByKey());
            return dead.stream().map(Map.Entry::getValue).toList();
        } catch (IOException | ShutdownSignalException e) {
            throw new TransportException("cannot read " + Channels.TASKS_DEAD_LETTER_QUEUE + ": "
                    + oneLine(message(e)), e);
        } finally {
            if (channel != null) {
                closeQuietly(channel);
            }
        }
    }

    static DeadTask deadTask(AMQP.BasicProperties properties, byte[] body) {
        TaskMessage task;
        try {
            task = ScatterEvents.data(CloudEventAmqpCodec.decode(properties, body), TaskMessage.class);
        } catch (MalformedMessageException e) {
            task = null;
        }
        return new DeadTask(task, deadLetterReason(properties.getHeaders()));
    }

    /** When a message was dead-lettered, in epoch milliseconds: ours if it has one, else the broker's, else 0. */
    static long deadLetteredAt(Map<String, Object> headers) {
        if (headers == null) {
            return 0;
        }
        if (headers.get(DEAD_LETTERED_AT_HEADER) instanceof Number at) {
            return at.longValue();
        }
        if (headers.get("x-death") instanceof List<?> deaths && !deaths.isEmpty()
                && deaths.get(0) instanceof Map<?, ?> death && death.get("time") instanceof Date time) {
            return time.getTime();
        }
        return 0;
    }

    /** The reason a dead-lettered message carries: ours if it has one, else the broker's first x-death reason. */
    static String deadLetterReason(Map<String, Object> headers) {
        if (headers == null) {
            return "unknown";
        }
        Object ours = headers.get(REASON_HEADER);
        if (ours != null) {
            return ours.toString();
        }
        Object first = headers.get("x-first-death-reason");
        if (first != null) {
            return first.toString();
        }
        if (headers.get("x-death") instanceof List<?> deaths && !deaths.isEmpty()
                && deaths.get(0) instanceof Map<?, ?> death && death.get("reason") != null) {
            return death.get("reason").toString();
        }
        return "unknown";
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Subscription subscription : List.copyOf(subscriptions)) {
            subscription.close();
        }
        results.close();
        publishers.close();
        if (ownsConnection) {
            connection.close();
        }
    }

    private void publishDeadLetter(String routingKey, AmqpMessage copy) throws PublishFailedException {
        publishers.publish(publisher -> publisher.publishRaw(Channels.DEAD_LETTER_EXCHANGE, routingKey, true, copy,
                confirmTimeout));
    }

    private void republish(String exchange, String routingKey, AmqpMessage copy) throws PublishFailedException {
        publishers.publish(publisher -> publisher.publishRaw(exchange, routingKey, true, copy, confirmTimeout));
    }

    private void publish(PublisherPool.Publishing publishing, String what) throws TransportException {
        try {
            publishers.publish(publishing);
        } catch (PublishFailedException e) {
            throw new TransportException("could not " + what + ": " + e.getMessage(), e);
        }
    }

    private void ensureOpen() throws TransportException {
        if (closed) {
            throw new TransportException("the transport is closed");
        }
    }

    /** The reason of a message dead-lettered by the delivery limit after {@code deliveries} deliveries. */
    static String deliveryLimitReason(int deliveries) {
        return "delivery_limit: delivered " + deliveries + " times without an ack";
    }

    /** {@code text} on one line, at most 1000 characters; a blank reason reads "no reason given". */
    static String oneLine(String text) {
        String line = text == null ? "" : text.replaceAll("\\s+", " ").trim();
        if (line.isEmpty()) {
            return "no reason given";
        }
        return line.length() > MAX_REASON_LENGTH ? line.substring(0, MAX_REASON_LENGTH - 1) + "…" : line;
    }

    private static String message(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                return cause.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }

    private static void closeQuietly(Channel channel) {
        try {
            if (channel.isOpen()) {
                channel.close();
            }
        } catch (IOException | TimeoutException | ShutdownSignalException e) {
            log.debug("Closing a channel failed: {}", e.getMessage());
        }
    }
}
