package io.scatter.messaging.transport;

import io.scatter.messaging.BrokerConnection;
import io.scatter.messaging.ConfirmingPublisher;
import io.scatter.messaging.PublishFailedException;

import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Lends {@link ConfirmingPublisher}s (one channel each, not thread-safe) to the threads that publish, one thread at a
 * time per publisher; there are never more publishers than threads that published at the same moment.
 */
final class PublisherPool implements AutoCloseable {

    @FunctionalInterface
    interface Publishing {
        void publishWith(ConfirmingPublisher publisher) throws PublishFailedException;
    }

    private final BrokerConnection connection;
    private final Deque<ConfirmingPublisher> idle = new ConcurrentLinkedDeque<>();
    private final Set<ConfirmingPublisher> all = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    PublisherPool(BrokerConnection connection) {
        this.connection = connection;
    }

    /** Runs {@code publishing} with a publisher no other thread uses meanwhile. */
    void publish(Publishing publishing) throws PublishFailedException {
        if (closed) {
            throw new PublishFailedException("the transport is closed");
        }
        ConfirmingPublisher publisher = idle.pollFirst();
        if (publisher == null) {
            publisher = new ConfirmingPublisher(connection);
            all.add(publisher);
        }
        try {
            publishing.publishWith(publisher);
        } finally {
            if (closed) {
                publisher.close();
            } else {
                idle.addFirst(publisher);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        all.forEach(ConfirmingPublisher::close);
        all.clear();
        idle.clear();
    }
}
