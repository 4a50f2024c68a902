package io.scatter.engine.local;

import io.scatter.contracts.TaskMessage;
import io.scatter.contracts.TaskResultMessage;
import io.scatter.engine.transport.ForwardingTaskTransport;
import io.scatter.engine.transport.ResultDelivery;
import io.scatter.engine.transport.Subscription;
import io.scatter.engine.transport.TaskDelivery;
import io.scatter.engine.transport.TaskTransport;
import io.scatter.engine.transport.TransportException;

import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A transport that misbehaves the ways a cluster does: a worker crashes after publishing a result but before acking
 * its task (the task is computed again), a result is published twice under one id, and the inbox crashes after
 * committing a result but before acking it (the result is delivered again). The first chance of each always strikes;
 * after that each strikes at random. A task crashes at most twice, so it stays under the delivery limit.
 */
final class ChaoticTransport extends ForwardingTaskTransport {

    private static final int MOST_CRASHES_PER_TASK = 2;

    private final Random random;
    private final double chance;
    private final Map<String, Integer> crashesPerTask = new ConcurrentHashMap<>();
    private final Set<String> resultsSeen = ConcurrentHashMap.newKeySet();
    private final AtomicInteger crashes = new AtomicInteger();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger redeliveries = new AtomicInteger();

    ChaoticTransport(TaskTransport delegate, long seed, double chance) {
        super(delegate);
        this.random = new Random(seed);
        this.chance = chance;
    }

    int crashes() {
        return crashes.get();
    }

    int duplicates() {
        return duplicates.get();
    }

    int redeliveries() {
        return redeliveries.get();
    }

    @Override
    public Subscription consumeTasks(int concurrency, Consumer<TaskDelivery> handler) throws TransportException {
        CrashingConsumer consumer = new CrashingConsumer(concurrency, handler);
        consumer.subscribe();
        return consumer;
    }

    @Override
    public void publishResult(String messageId, TaskResultMessage result) throws TransportException {
        super.publishResult(messageId, result);
        if (strikes(duplicates)) {
            duplicates.incrementAndGet();
            super.publishResult(messageId, result);
        }
    }

    @Override
    public Subscription consumeResults(Consumer<ResultDelivery> handler) throws TransportException {
        return super.consumeResults(delivery -> handler.accept(new FlakyResultDelivery(delivery)));
    }

    private boolean strikes(AtomicInteger soFar) {
        synchronized (random) {
            return soFar.get() == 0 || random.nextDouble() < chance;
        }
    }

    private boolean crashesOn(TaskMessage task) {
        String key = task.jobId() + "/" + task.taskIndex();
        if (crashesPerTask.getOrDefault(key, 0) >= MOST_CRASHES_PER_TASK || !strikes(crashes)) {
            return false;
        }
        crashesPerTask.merge(key, 1, Integer::sum);
        crashes.incrementAndGet();
        return true;
    }

    /** A task consumer that, on a crash, closes its subscription without acking and subscribes again. */
    private final class CrashingConsumer implements Subscription {

        private final int concurrency;
        private final Consumer<TaskDelivery> handler;
        private Subscription current;
        private boolean closed;

        private CrashingConsumer(int concurrency, Consumer<TaskDelivery> handler) {
            this.concurrency = concurrency;
            this.handler = handler;
        }

        synchronized void subscribe() throws TransportException {
            current = delegate().consumeTasks(concurrency, delivery -> handler.accept(new CrashProneDelivery(delivery,
                    this)));
        }

        synchronized void crash() {
            if (closed) {
                return;
            }
            current.close();
            try {
                subscribe();
            } catch (TransportException e) {
                closed = true;
            }
        }

        @Override
        public void close() {
            Subscription open;
            synchronized (this) {
                closed = true;
                open = current;
            }
            open.close();
        }
    }

    private final class CrashProneDelivery implements TaskDelivery {

        private final TaskDelivery delivery;
        private final CrashingConsumer consumer;

        private CrashProneDelivery(TaskDelivery delivery, CrashingConsumer consumer) {
            this.delivery = delivery;
            this.consumer = consumer;
        }

        @Override
        public TaskMessage task() {
            return delivery.task();
        }

        @Override
        public int attempt() {
            return delivery.attempt();
        }

        @Override
        public int returns() {
            return delivery.returns();
        }

        @Override
        public int maxAttempts() {
            return delivery.maxAttempts();
        }

        @Override
        public void retry(String reason, String worker) {
            delivery.retry(reason, worker);
        }

        @Override
        public void defer() {
            delivery.defer();
        }

        @Override
        public void ack() {
            if (crashesOn(delivery.task())) {
                consumer.crash();
            } else {
                delivery.ack();
            }
        }

        @Override
        public void reject(String reason) {
            delivery.reject(reason);
        }

        @Override
        public void requeue() {
            delivery.requeue();
        }
    }

    private final class FlakyResultDelivery implements ResultDelivery {

        private final ResultDelivery delivery;

        private FlakyResultDelivery(ResultDelivery delivery) {
            this.delivery = delivery;
        }

        @Override
        public String messageId() {
            return delivery.messageId();
        }

        @Override
        public TaskResultMessage result() {
            return delivery.result();
        }

        @Override
        public void ack() {
            if (resultsSeen.add(delivery.messageId()) && strikes(redeliveries)) {
                redeliveries.incrementAndGet();
                delivery.requeue();
            } else {
                delivery.ack();
            }
        }

        @Override
        public void reject(String reason) {
            delivery.reject(reason);
        }

        @Override
        public void requeue() {
            delivery.requeue();
        }
    }
}
