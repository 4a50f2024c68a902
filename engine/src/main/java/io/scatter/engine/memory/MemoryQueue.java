package io.scatter.engine.memory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A thread-safe queue with manual settlement, a delivery limit and a dead-letter hook: a quorum queue in miniature.
 * Messages are handed out as {@link Lease}s; an unsettled lease returns to the back of the queue when its consumer
 * closes, and a message delivered {@code deliveryLimit} times is dead-lettered instead of returning.
 */
final class MemoryQueue<M> {

    private final String name;
    private final int deliveryLimit;
    private final Duration closeGrace;
    private final BiConsumer<M, String> deadLetter;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Deque<Entry<M>> ready = new ArrayDeque<>();
    /** The leases each open consumer holds; a consumer leaves this map when it closes. */
    private final Map<MemoryConsumer<M>, Set<Lease<M>>> consumers = new HashMap<>();

    MemoryQueue(String name, int deliveryLimit, Duration closeGrace, BiConsumer<M, String> deadLetter) {
        if (deliveryLimit < 1) {
            throw new IllegalArgumentException("the delivery limit must be at least 1, not " + deliveryLimit);
        }
        this.name = name;
        this.deliveryLimit = deliveryLimit;
        this.closeGrace = closeGrace;
        this.deadLetter = deadLetter;
    }

    void offer(List<M> messages) {
        lock.lock();
        try {
            for (M message : messages) {
                ready.addLast(new Entry<>(message));
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Starts {@code concurrency} threads that each take a message, hand it to {@code handler} and await settlement. */
    MemoryConsumer<M> consume(int concurrency, Consumer<Lease<M>> handler) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, not " + concurrency);
        }
        MemoryConsumer<M> consumer = new MemoryConsumer<>(this, concurrency, handler, closeGrace);
        lock.lock();
        try {
            consumers.put(consumer, new HashSet<>());
        } finally {
            lock.unlock();
        }
        consumer.start(name);
        return consumer;
    }

    /** Closes every consumer; their unsettled leases return to the queue. */
    void close() {
        List<MemoryConsumer<M>> open;
        lock.lock();
        try {
            open = List.copyOf(consumers.keySet());
        } finally {
            lock.unlock();
        }
        open.forEach(MemoryConsumer::close);
    }

    /** The next message for {@code consumer}, waiting for one; null once the consumer is closed. */
    Lease<M> take(MemoryConsumer<M> consumer) throws InterruptedException {
        lock.lock();
        try {
            while (consumers.containsKey(consumer) && ready.isEmpty()) {
                changed.await();
            }
            Set<Lease<M>> held = consumers.get(consumer);
            if (held == null) {
                return null;
            }
            Entry<M> entry = ready.pollFirst();
            entry.deliveries++;
            Lease<M> lease = new Lease<>(this, entry, entry.deliveries, entry.returns, held);
            held.add(lease);
            return lease;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until {@code lease} is settled or {@code consumer}, which holds it, closes. */
    void awaitSettled(MemoryConsumer<M> consumer, Lease<M> lease) throws InterruptedException {
        lock.lock();
        try {
            while (lease.state == LeaseState.OUT && consumers.containsKey(consumer)) {
                changed.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops handing messages to {@code consumer}; returns the leases it holds, which it may still settle until
     * {@link #giveBackUnsettled} returns them to the queue.
     */
    Set<Lease<M>> stop(MemoryConsumer<M> consumer) {
        lock.lock();
        try {
            Set<Lease<M>> held = consumers.remove(consumer);
            changed.signalAll();
            return held == null ? new HashSet<>() : held;
        } finally {
            lock.unlock();
        }
    }

    /** Returns the leases of {@code held} never settled to the queue, as if their consumer had crashed. */
    void giveBackUnsettled(Set<Lease<M>> held) {
        lock.lock();
        try {
            for (Lease<M> lease : held) {
                lease.state = LeaseState.RETURNED;
                lease.entry.returns++;
                giveBack(lease.entry);
            }
            held.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void settle(Lease<M> lease, Settlement settlement, String reason, boolean once) {
        lock.lock();
        try {
            if (lease.state == LeaseState.RETURNED || (lease.state == LeaseState.SETTLED && !once)) {
                return;
            }
            if (lease.state == LeaseState.SETTLED) {
                throw new IllegalStateException("delivery " + lease.attempt + " of a message on " + name
                        + " is already settled");
            }
            lease.state = LeaseState.SETTLED;
            lease.held.remove(lease);
            switch (settlement) {
                case ACK -> { }
                case REJECT -> deadLetter.accept(lease.entry.message, reason);
                case REQUEUE -> {
                    lease.entry.returns = 0;
                    giveBack(lease.entry);
                }
                case DEFER -> {
                    lease.entry.deliveries--;
                    ready.addLast(lease.entry);
                }
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void giveBack(Entry<M> entry) {
        if (entry.deliveries >= deliveryLimit) {
            deadLetter.accept(entry.message, "delivered " + entry.deliveries
                    + " times without an ack (the delivery limit of " + name + ")");
        } else {
            ready.addLast(entry);
        }
    }

    /** How a lease was settled. */
    enum Settlement { ACK, REJECT, REQUEUE, DEFER }

    private enum LeaseState { OUT, SETTLED, RETURNED }

    private static final class Entry<M> {

        private final M message;
        private int deliveries;
        private int returns;

        private Entry(M message) {
            this.message = message;
        }
    }

    /** One delivery of a message; settling it after its consumer closed does nothing (the message was returned). */
    static final class Lease<M> {

        private final MemoryQueue<M> queue;
        private final Entry<M> entry;
        private final int attempt;
        private final int returns;
        private final Set<Lease<M>> held;
        private LeaseState state = LeaseState.OUT;

        private Lease(MemoryQueue<M> queue, Entry<M> entry, int attempt, int returns, Set<Lease<M>> held) {
            this.queue = queue;
            this.entry = entry;
            this.attempt = attempt;
            this.returns = returns;
            this.held = held;
        }

        M message() {
            return entry.message;
        }

        int attempt() {
            return attempt;
        }

        /** Deliveries before this one that ended unsettled, their consumer closed. */
        int returns() {
            return returns;
        }

        int deliveryLimit() {
            return queue.deliveryLimit;
        }

        void ack() {
            queue.settle(this, Settlement.ACK, null, true);
        }

        void reject(String reason) {
            queue.settle(this, Settlement.REJECT, reason, true);
        }

        void requeue() {
            queue.settle(this, Settlement.REQUEUE, null, true);
        }

        /** Back to the end of the queue, this delivery not counted. */
        void defer() {
            queue.settle(this, Settlement.DEFER, null, true);
        }

        /** Requeues this delivery unless it was settled already. */
        void requeueIfUnsettled() {
            queue.settle(this, Settlement.REQUEUE, null, false);
        }
    }
}
