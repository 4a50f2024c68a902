package io.scatter.engine.transport;

import io.scatter.contracts.TaskResultMessage;
import io.scatter.engine.testing.Await;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A result handler for transport tests that records every delivery; it requeues the first delivery of chosen ids. */
final class RecordingResultHandler implements Consumer<ResultDelivery> {

    /** One delivery as the handler saw it. */
    record Received(String messageId, TaskResultMessage result) {
    }

    private final Set<String> requeueOnce;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private RecordingResultHandler(Set<String> requeueOnce) {
        this.requeueOnce = ConcurrentHashMap.newKeySet();
        this.requeueOnce.addAll(requeueOnce);
    }

    static RecordingResultHandler acking() {
        return new RecordingResultHandler(Set.of());
    }

    /** Requeues the first delivery of message {@code messageId}, acks everything else. */
    static RecordingResultHandler requeueingOnce(String messageId) {
        return new RecordingResultHandler(Set.of(messageId));
    }

    @Override
    public void accept(ResultDelivery delivery) {
        received.add(new Received(delivery.messageId(), delivery.result()));
        if (requeueOnce.remove(delivery.messageId())) {
            delivery.requeue();
        } else {
            delivery.ack();
        }
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    void awaitCount(int count) {
        Await.until(count + " result deliveries arrived", () -> received.size() >= count);
    }
}
