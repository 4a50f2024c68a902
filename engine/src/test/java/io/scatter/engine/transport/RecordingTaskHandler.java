package io.scatter.engine.transport;

import io.scatter.contracts.TaskMessage;
import io.scatter.engine.testing.Await;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** A task handler for transport tests that records every delivery and settles it by a fixed rule. */
final class RecordingTaskHandler implements Consumer<TaskDelivery> {

    /** One delivery as the handler saw it. */
    record Received(TaskMessage task, int attempt, int returns) {

        boolean isOf(TaskMessage other) {
            return task.jobId().equals(other.jobId()) && task.taskIndex() == other.taskIndex();
        }
    }

    private final Consumer<TaskDelivery> settle;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private RecordingTaskHandler(Consumer<TaskDelivery> settle) {
        this.settle = settle;
    }

    static RecordingTaskHandler acking() {
        return new RecordingTaskHandler(TaskDelivery::ack);
    }

    /** Leaves every delivery unsettled, like a consumer that died while computing. */
    static RecordingTaskHandler crashing() {
        return new RecordingTaskHandler(delivery -> { });
    }

    /** Requeues the deliveries of {@code jobId} and acks every other one. */
    static RecordingTaskHandler requeueing(UUID jobId) {
        return new RecordingTaskHandler(delivery -> {
            if (delivery.task().jobId().equals(jobId)) {
                delivery.requeue();
            } else {
                delivery.ack();
            }
        });
    }

    /** Retries the deliveries of {@code jobId} after a failure described by {@code reason}; acks every other one. */
    static RecordingTaskHandler retrying(UUID jobId, String reason) {
        return new RecordingTaskHandler(delivery -> {
            if (delivery.task().jobId().equals(jobId)) {
                delivery.retry(reason, "worker-under-test");
            } else {
                delivery.ack();
            }
        });
    }

    /** Defers the first delivery of each task of {@code jobId}, acks every other delivery. */
    static RecordingTaskHandler deferringOnce(UUID jobId) {
        java.util.Set<Integer> deferred = java.util.concurrent.ConcurrentHashMap.newKeySet();
        return new RecordingTaskHandler(delivery -> {
            if (delivery.task().jobId().equals(jobId) && deferred.add(delivery.task().taskIndex())) {
                delivery.defer();
            } else {
                delivery.ack();
            }
        });
    }

    /** Rejects the deliveries of {@code jobId} with {@code reason} and acks every other one. */
    static RecordingTaskHandler rejecting(UUID jobId, String reason) {
        return new RecordingTaskHandler(delivery -> {
            if (delivery.task().jobId().equals(jobId)) {
                delivery.reject(reason);
            } else {
                delivery.ack();
            }
        });
    }

    @Override
    public void accept(TaskDelivery delivery) {
        received.add(new Received(delivery.task(), delivery.attempt(), delivery.returns()));
        settle.accept(delivery);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> receivedOf(TaskMessage task) {
        return received.stream().filter(r -> r.isOf(task)).collect(Collectors.toList());
    }

    List<Integer> returnsOf(TaskMessage task) {
        return receivedOf(task).stream().map(Received::returns).collect(Collectors.toList());
    }

    List<Integer> attemptsOf(TaskMessage task) {
        return receivedOf(task).stream().map(Received::attempt).collect(Collectors.toList());
    }

    boolean hasReceived(TaskMessage task) {
        return received.stream().anyMatch(r -> r.isOf(task));
    }

    void awaitReceived(TaskMessage task) {
        Await.until("task " + task.taskIndex() + " of job " + task.jobId() + " is delivered", () -> hasReceived(task));
    }

    void awaitCount(int count) {
        Await.until(count + " deliveries arrived", () -> received.size() >= count);
    }

    long count(Predicate<Received> which) {
        return received.stream().filter(which).count();
    }
}
